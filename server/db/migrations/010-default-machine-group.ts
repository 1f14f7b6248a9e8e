import { machineGroupNameKey } from '../../../common/validation/machine-group-name';
import type { Db } from '../database';
import { nextVersion } from '../versions';

/**
 * Groups can be renamed and deleted from this version on, so the default group "Maskiner" that every
 * organisation gets at activation (the guide, chapter 2) is marked as such instead of being known by its
 * name: it keeps that role under another name, and it cannot be deleted. At most one per organisation.
 *
 * Until now a group named "Maskiner" (by its key) could only be the one activation (or a seed) made: the
 * name was taken from then on and no group could be renamed. The oldest such group of each organisation
 * is marked, with a new version so every app's cache learns it.
 */
export function migration010DefaultMachineGroup(db: Db): void {
  db.exec(`
    ALTER TABLE machine_groups ADD COLUMN is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1));
    CREATE UNIQUE INDEX machine_groups_one_default ON machine_groups (organisation_id) WHERE is_default = 1;
  `);
  // The name as activation wrote it then, frozen here: the app's constant may change, this version may not.
  const key = machineGroupNameKey('Maskiner');
  const rows = db.prepare('SELECT id, organisation_id, name FROM machine_groups ORDER BY created_at, id').all() as Array<{
    id: string;
    organisation_id: string;
    name: string;
  }>;
  const mark = db.prepare('UPDATE machine_groups SET is_default = 1, version = ? WHERE id = ?');
  const marked = new Set<string>();
  for (const row of rows) {
    if (marked.has(row.organisation_id) || machineGroupNameKey(row.name) !== key) continue;
    mark.run(nextVersion(db), row.id);
    marked.add(row.organisation_id);
  }
}

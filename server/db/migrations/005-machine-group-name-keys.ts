import { machineGroupNameKey } from '../../../common/validation/machine-group-name';
import type { Db } from '../database';

/**
 * Machine-group names got a stricter uniqueness key (machineGroupNameKey in
 * common/validation/machine-group-name.ts, issue 11): existing rows get the new key.
 * Names stored before the free-text rule may now share a key ("Maskiner" and "Mask\u200Biner"): the
 * oldest keeps it, so a new name that collides with either is refused, and each later one gets its
 * key made unique with its id. Nothing is renamed: groups have no rename, and vendors know them by name.
 */
export function migration005MachineGroupNameKeys(db: Db): void {
  const rows = db.prepare('SELECT id, organisation_id, name FROM machine_groups ORDER BY created_at, id').all() as Array<{
    id: string;
    organisation_id: string;
    name: string;
  }>;
  const setKey = db.prepare('UPDATE machine_groups SET name_key = ? WHERE id = ?');
  // Out of the way first: the UNIQUE (organisation_id, name_key) constraint holds after every statement.
  for (const row of rows) setKey.run(`\u0000${row.id}`, row.id);
  const taken = new Set<string>();
  for (const row of rows) {
    const key = machineGroupNameKey(row.name);
    const scoped = `${row.organisation_id}\u0000${key}`;
    setKey.run(taken.has(scoped) ? `${key}\u0000${row.id}` : key, row.id);
    taken.add(scoped);
  }
}

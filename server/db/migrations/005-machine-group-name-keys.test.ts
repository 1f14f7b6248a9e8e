import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { machineGroupNameKey } from '../../../common/validation/machine-group-name';
import { createMachineGroup } from '../../domain/machine-group-repository';
import { Problem } from '../../http/problem';
import { openDatabase } from '../database';
import { runMigrations } from '../run-migrations';
import { migrations } from './index';

const ORG = 'org-old';

/** A portal file at schema version 4, with names stored under the old key (lower case only). */
function version4File(groups: Array<{ id: string; name: string; createdAt: string }>): string {
  const path = join(mkdtempSync(join(tmpdir(), 'portal-migration-')), 'portal.db');
  const db = new Database(path);
  runMigrations(db, migrations.slice(0, 4));
  db.prepare(`INSERT INTO organisations (id, name, prefix, name_key, service_status, version) VALUES (?, 'Gammel HF', 'GammelHF', 'gammel hf', 'active', 1)`).run(ORG);
  const insert = db.prepare(
    `INSERT INTO machine_groups (id, organisation_id, name, name_key, sync_state, ready_at, created_at, created_by, version)
     VALUES (?, ?, ?, ?, 'ready', ?, ?, 'system', 1)`,
  );
  for (const group of groups) insert.run(group.id, ORG, group.name, group.name.normalize('NFC').trim().toLowerCase(), group.createdAt, group.createdAt);
  db.close();
  return path;
}

describe('migration 005: machine-group name keys computed anew', () => {
  it('keys every existing group with the new rule; of names that now collide the oldest keeps the key, and new look-alikes are refused', () => {
    const path = version4File([
      { id: 'g-2', name: 'Mask\u200biner', createdAt: '2026-01-02T00:00:00.000Z' },
      { id: 'g-1', name: 'Maskiner', createdAt: '2026-01-01T00:00:00.000Z' },
      { id: 'g-3', name: 'Straße', createdAt: '2026-01-03T00:00:00.000Z' },
      { id: 'g-4', name: 'STRASSE', createdAt: '2026-01-04T00:00:00.000Z' },
      { id: 'g-5', name: 'Røntgen', createdAt: '2026-01-05T00:00:00.000Z' },
    ]);
    const db = openDatabase(path);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
      const keys = Object.fromEntries(db.prepare('SELECT id, name_key FROM machine_groups').all().map((row) => [(row as { id: string }).id, (row as { name_key: string }).name_key]));
      const key = machineGroupNameKey;
      expect(key('Mask\u200biner')).toBe(key('Maskiner'));
      expect(key('STRASSE')).toBe(key('Straße'));
      expect(keys).toEqual({
        'g-1': key('Maskiner'),
        'g-2': `${key('Maskiner')}\u0000g-2`,
        'g-3': key('Straße'),
        'g-4': `${key('Straße')}\u0000g-4`,
        'g-5': key('Røntgen'),
      });
      // Nothing renamed.
      expect(db.prepare('SELECT name FROM machine_groups ORDER BY created_at').pluck().all()).toEqual(['Maskiner', 'Mask\u200biner', 'Straße', 'STRASSE', 'Røntgen']);

      const actor = { id: 'u', username: 'admin', organisationId: ORG };
      const create = (name: string) => {
        try {
          createMachineGroup(db, actor, name, new Date('2026-02-01T00:00:00.000Z'), 0);
          return 'created';
        } catch (error) {
          return error instanceof Problem ? error.code : String(error);
        }
      };
      expect(create('maskiner')).toBe('NAME_TAKEN');
      expect(create('Strasse')).toBe('NAME_TAKEN');
      expect(create('RØNTGEN')).toBe('NAME_TAKEN');
      expect(create('Kontor')).toBe('created');
    } finally {
      db.close();
    }
  });
});

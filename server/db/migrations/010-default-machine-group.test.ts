import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../database';
import { runMigrations } from '../run-migrations';
import { migrations } from './index';

describe('migration 010: the default machine group is marked, not known by its name', () => {
  it('marks each organisation\'s oldest "Maskiner" (by its key) with a new version, and allows one default per organisation', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'portal-migration-')), 'portal.db');
    const old = new Database(path);
    runMigrations(old, migrations.slice(0, 9));
    const org = old.prepare(`INSERT INTO organisations (id, name, prefix, name_key, service_status, version) VALUES (?, ?, ?, ?, 'active', 1)`);
    org.run('org-a', 'A', 'A', 'a');
    org.run('org-b', 'B', 'B', 'b');
    const group = old.prepare(
      `INSERT INTO machine_groups (id, organisation_id, name, name_key, sync_state, ready_at, created_at, created_by, version) VALUES (?, ?, ?, ?, 'ready', ?, ?, 'system', 5)`,
    );
    group.run('a-maskiner', 'org-a', 'Maskiner', 'k1', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
    group.run('a-other', 'org-a', 'Servere', 'k2', '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00.000Z');
    // Stored before the free-text rule: the same key, made later; only the oldest is the default.
    group.run('a-lookalike', 'org-a', 'MASKINER', 'k3', '2026-01-03T00:00:00.000Z', '2026-01-03T00:00:00.000Z');
    group.run('b-servere', 'org-b', 'Servere', 'k1', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
    old.prepare('UPDATE version_counter SET value = 50').run();
    old.close();

    const db = openDatabase(path);
    try {
      expect(db.prepare('SELECT id, is_default, version FROM machine_groups ORDER BY id').all()).toEqual([
        { id: 'a-lookalike', is_default: 0, version: 5 },
        { id: 'a-maskiner', is_default: 1, version: 51 },
        { id: 'a-other', is_default: 0, version: 5 },
        { id: 'b-servere', is_default: 0, version: 5 },
      ]);
      expect(() => db.prepare("UPDATE machine_groups SET is_default = 1 WHERE id = 'a-other'").run()).toThrow(/UNIQUE/);
      db.prepare("UPDATE machine_groups SET is_default = 1 WHERE id = 'b-servere'").run();
    } finally {
      db.close();
    }
  });
});

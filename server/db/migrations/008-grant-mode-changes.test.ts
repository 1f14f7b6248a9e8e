import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../database';
import { runMigrations } from '../run-migrations';
import { migrations } from './index';

const OWNER = 'org-owner';
const T = (hour: number) => `2026-01-01T${String(hour).padStart(2, '0')}:00:00.000Z`;

interface OldGrant {
  vendor: string;
  mode: 'with_approval' | 'without_approval';
  at: string;
  by: string;
}

const snapshot = (group: string, grant: OldGrant) =>
  JSON.stringify({ id: `${group}:${grant.vendor}`, groupId: group, vendor: { id: grant.vendor, name: grant.vendor }, mode: grant.mode, grantedAt: grant.at, grantedBy: grant.by, expiresAt: null, version: 1 });

/**
 * A portal file at schema version 7, as the old code left it: every change overwrote granted_at and
 * granted_by, and the audit trail kept each version. `trails` lists each grant's events (null: removed).
 */
function version7File(group: string, grants: Array<{ row: OldGrant; trail: Array<[OldGrant | null, OldGrant | null]> }>): string {
  const path = join(mkdtempSync(join(tmpdir(), 'portal-migration-')), 'portal.db');
  const db = new Database(path);
  runMigrations(db, migrations.slice(0, 7));
  const org = db.prepare(`INSERT INTO organisations (id, name, prefix, name_key, service_status, version) VALUES (?, ?, ?, ?, 'active', 1)`);
  org.run(OWNER, 'Eier HF', 'EierHF', 'eier hf');
  db.prepare(`INSERT INTO machine_groups (id, organisation_id, name, name_key, sync_state, ready_at, created_at, created_by, version)
    VALUES (?, ?, 'Maskiner', 'maskiner', 'ready', ?, ?, 'system', 1)`).run(group, OWNER, T(0), T(0));
  const insertGrant = db.prepare(`INSERT INTO grants (group_id, organisation_id, vendor_id, mode, granted_at, granted_by, expires_at, version) VALUES (?, ?, ?, ?, ?, ?, NULL, 2)`);
  const insertEvent = db.prepare(`INSERT INTO audit_events (organisation_id, actor_id, actor_name, action, object_type, object_id, before_json, after_json, at, version)
    VALUES (?, 'u', 'u', 'grant.x', 'grant', ?, ?, ?, ?, 2)`);
  db.prepare('UPDATE version_counter SET value = 100').run();
  for (const { row, trail } of grants) {
    org.run(row.vendor, row.vendor, row.vendor, row.vendor);
    insertGrant.run(group, OWNER, row.vendor, row.mode, row.at, row.by);
    for (const [before, after] of trail) {
      insertEvent.run(OWNER, `${group}:${row.vendor}`, before && snapshot(group, before), after && snapshot(group, after), (after ?? before)!.at);
    }
  }
  db.close();
  return path;
}

describe('migration 008: a grant keeps its first grant; mode changes get their own fields', () => {
  it('gives each grant whose audit trail describes it its first grant back and its latest mode change, with a new version', () => {
    const group = 'g-1';
    const created = { vendor: 'v-changed', mode: 'with_approval', at: T(1), by: 'kari' } as const;
    const loosened = { ...created, mode: 'without_approval', at: T(2), by: 'ola' } as const;
    const limited = { ...loosened, at: T(3), by: 'per' } as const;
    const recreatedFirst = { vendor: 'v-again', mode: 'with_approval', at: T(1), by: 'kari' } as const;
    const recreated = { ...recreatedFirst, at: T(5), by: 'ola' } as const;
    const recreatedExpiry = { ...recreated, at: T(6), by: 'per' } as const;
    const seeded = { vendor: 'v-seeded', mode: 'with_approval', at: T(0), by: 'system' } as const;
    const strange = { vendor: 'v-strange', mode: 'with_approval', at: T(9), by: 'kari' } as const;
    const path = version7File(group, [
      { row: limited, trail: [[null, created], [created, loosened], [loosened, limited]] },
      { row: recreatedExpiry, trail: [[null, recreatedFirst], [recreatedFirst, null], [null, recreated], [recreated, recreatedExpiry]] },
      { row: seeded, trail: [] },
      // The trail ends in another state than the row: it does not describe it, so the row stays.
      { row: strange, trail: [[null, { ...strange, at: T(7) }], [{ ...strange, at: T(7) }, { ...strange, mode: 'without_approval', at: T(8) }]] },
    ]);
    const db = openDatabase(path);
    try {
      const rows = db.prepare('SELECT vendor_id, granted_at, granted_by, mode_changed_at, mode_changed_by, version FROM grants ORDER BY vendor_id').all();
      expect(rows).toEqual([
        { vendor_id: 'v-again', granted_at: T(5), granted_by: 'ola', mode_changed_at: null, mode_changed_by: null, version: 102 },
        { vendor_id: 'v-changed', granted_at: T(1), granted_by: 'kari', mode_changed_at: T(2), mode_changed_by: 'ola', version: 101 },
        { vendor_id: 'v-seeded', granted_at: T(0), granted_by: 'system', mode_changed_at: null, mode_changed_by: null, version: 2 },
        { vendor_id: 'v-strange', granted_at: T(9), granted_by: 'kari', mode_changed_at: null, mode_changed_by: null, version: 2 },
      ]);
      // Two versions for 008's corrections; the third is migration 010 marking "Maskiner" as the default group.
      expect(db.prepare('SELECT value FROM version_counter').pluck().get()).toBe(103);
    } finally {
      db.close();
    }
  });
});

import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMigrations } from '../../../server/db/run-migrations';
import { openCache } from '../cache-database';
import { cacheMigrations } from './index';

/** A cache file as the app before issue 14 left it: schema version 3, synced up to version 42, with a grant. */
function versionThreeCache(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'cache-004-')), 'cache.sqlite');
  const db = new Database(file);
  runMigrations(db, cacheMigrations.slice(0, 3));
  db.prepare('UPDATE sync_state SET cursor = 42').run();
  db.prepare(
    `INSERT INTO grants (id, group_id, vendor_id, vendor_name, mode, granted_at, expires_at, version, data)
     VALUES ('g1:v1', 'g1', 'v1', 'Leverandør AS', 'with_approval', '2026-01-01T00:00:00.000Z', NULL, 7, '{}')`,
  ).run();
  db.close();
  return file;
}

describe('cache migration 004: remote-support sessions', () => {
  it('adds the sessions table to an existing cache, keeps what it held, and syncs once from the start', () => {
    const db = openCache(versionThreeCache());
    expect(db.pragma('user_version', { simple: true })).toBe(cacheMigrations.length);
    expect(db.prepare('SELECT cursor FROM sync_state').pluck().get()).toBe(0);
    expect(db.prepare('SELECT id FROM grants').pluck().all()).toEqual(['g1:v1']);
    const columns = db.prepare("SELECT name, \"notnull\" FROM pragma_table_info('remote_sessions')").all() as Array<{ name: string; notnull: number }>;
    expect(Object.fromEntries(columns.map((column) => [column.name, column.notnull]))).toEqual({
      id: 1,
      group_id: 1,
      vendor_id: 0,
      user_id: 0,
      kind: 1,
      consent: 1,
      started_at: 1,
      ended_at: 0,
      version: 1,
      data: 1,
    });
  });

  it('answers a grant\'s sessions since a day by a range of the (group, vendor, start) index, not a scan', () => {
    const db = openCache(versionThreeCache());
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((step) => step.detail).join(' | ');
    const count = plan("SELECT COUNT(*) FROM remote_sessions WHERE group_id = 'g1' AND vendor_id = 'v1' AND started_at >= '2026-01-01'");
    expect(count).toContain('USING COVERING INDEX remote_sessions_by_grant (group_id=? AND vendor_id=? AND started_at>?)');
    expect(count).not.toMatch(/SCAN remote_sessions/);
    const newest = plan("SELECT MAX(started_at) FROM remote_sessions WHERE group_id = 'g1' AND vendor_id = 'v1'");
    expect(newest).toContain('remote_sessions_by_grant');
    expect(newest).not.toMatch(/SCAN remote_sessions/);
    // The screen's default order and its period filter read the start index.
    expect(plan("SELECT data FROM remote_sessions WHERE started_at >= '2026-01-01' ORDER BY started_at DESC LIMIT 10")).toContain('remote_sessions_by_start');
  });

  it('refuses a value of the wrong kind in a column (STRICT)', () => {
    const db = openCache(versionThreeCache());
    expect(() =>
      db
        .prepare("INSERT INTO remote_sessions (id, group_id, kind, consent, started_at, version, data) VALUES ('s', 'g', 'desktop', 'given', 'x', 'not a number', '{}')")
        .run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
  });
});

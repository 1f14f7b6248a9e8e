import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/database';
import { readSyncPage } from './sync-feed';

/** Rows written straight into the tables, so that several share one version (the API never does that). */
function databaseWithSharedVersions(): Db {
  const db = openDatabase(':memory:');
  db.prepare(`INSERT INTO organisations (id, name, prefix, name_key, version) VALUES ('org', 'Org', 'Org', 'org', 1)`).run();
  const user = db.prepare(
    `INSERT INTO users (id, organisation_id, username, first_name, last_name, email, mobile, two_factor, created_at, updated_at, version)
     VALUES (?, 'org', ?, 'A', 'B', 'a@example.no', '+4791234567', 'totp', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', ?)`,
  );
  for (const [id, version] of [['u1', 2], ['u2', 3], ['u3', 3], ['u4', 3], ['u5', 4]] as const) user.run(id, id, version);
  db.prepare(`INSERT INTO tombstones (type, id, scope_organisation_id, version, deleted_at) VALUES ('grant', 'g:v', 'org', 3, '2026-01-01T00:00:00.000Z')`).run();
  db.prepare('UPDATE version_counter SET value = 4').run();
  return db;
}

const page = (db: Db, since: number, limit: number) => {
  const result = readSyncPage(db, 'org', since, limit);
  return { cursor: result.cursor, hasMore: result.hasMore, items: result.changes.map((change) => `${change.op}:${change.id}@${change.version}`) };
};

describe('readSyncPage', () => {
  it('never ends a page between two changes of the same version', () => {
    const db = databaseWithSharedVersions();
    expect(page(db, 0, 3)).toEqual({ cursor: 2, hasMore: true, items: ['put:org@1', 'put:u1@2'] });
    expect(page(db, 2, 2)).toEqual({ cursor: 3, hasMore: true, items: ['delete:g:v@3', 'put:u2@3', 'put:u3@3', 'put:u4@3'] });
    expect(page(db, 3, 2)).toEqual({ cursor: 4, hasMore: false, items: ['put:u5@4'] });
    expect(page(db, 4, 2)).toEqual({ cursor: 4, hasMore: false, items: [] });
    db.close();
  });

  it('reads the same changes whatever the page size', () => {
    const db = databaseWithSharedVersions();
    const all = page(db, 0, 100).items;
    for (const limit of [1, 2, 3, 4, 5]) {
      const seen: string[] = [];
      let cursor = 0;
      for (let guard = 0; guard < 20; guard++) {
        const next = page(db, cursor, limit);
        seen.push(...next.items);
        cursor = next.cursor;
        if (!next.hasMore) break;
      }
      expect(seen, `limit ${limit}`).toEqual(all);
    }
    db.close();
  });
});

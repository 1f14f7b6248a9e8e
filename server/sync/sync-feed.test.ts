import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, type Db } from '../db/database';
import { nextVersion } from '../db/versions';
import { getAuditEvent } from '../domain/audit-log';
import { getAccessibleGroup, getGrant } from '../domain/grant-repository';
import { getMachineGroupById } from '../domain/machine-group-repository';
import { getRemoteSupportService } from '../domain/remote-support-service';
import { syncTypes } from '../domain/sync-types';
import { getUserRow, toUser } from '../domain/user-repository';
import { findVendor } from '../domain/vendor-repository';
import { getDevice } from '../engine/engine-read-model';
import { findingSnapshot } from '../engine/record-observation';
import { getRemoteSession } from '../engine/session-read-model';
import { DEMO_ORGANISATION } from '../seed/demo-credentials';
import { demoVendorId, seedDemo } from '../seed/demo-seed';
import { seedLarge } from '../seed/large-seed';
import { readSyncPage, type SyncChange } from './sync-feed';

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

/** Each put's data read on its own, the way the REST routes read one item: the reference for the set-based page. */
function readOne(db: Db, organisationId: string, change: SyncChange): unknown {
  switch (change.type) {
    case 'service':
      return getRemoteSupportService(db, change.id);
    case 'vendor':
      return findVendor(db, change.id);
    case 'machineGroup':
      return getMachineGroupById(db, change.id);
    case 'grant': {
      const [groupId = '', vendorId = ''] = change.id.split(':');
      return getGrant(db, groupId, vendorId);
    }
    case 'accessibleGroup':
      return getAccessibleGroup(db, organisationId, change.id);
    case 'user': {
      const row = getUserRow(db, change.id);
      return row && toUser(row);
    }
    case 'auditEvent':
      return getAuditEvent(db, Number(change.id));
    case 'device':
      return getDevice(db, change.id);
    case 'engineFinding':
      return findingSnapshot(db, change.id) ?? undefined;
    case 'remoteSession':
      return getRemoteSession(db, change.id);
  }
}

/** A database whose every statement is recorded as it runs. */
function tracedDatabase(): { db: Db; statements: string[] } {
  const statements: string[] = [];
  const db = new Database(':memory:', { verbose: (sql) => statements.push(String(sql)) });
  migrate(db);
  return { db, statements };
}

/** The engine's machines and drift for two of the organisation's groups, as record-observation.ts writes them. */
function addEngineRows(db: Db, organisationId: string): void {
  const groups = db.prepare('SELECT id FROM machine_groups WHERE organisation_id = ? ORDER BY id LIMIT 2').pluck().all(organisationId) as string[];
  for (const [index, groupId] of groups.entries()) {
    db.prepare(`INSERT INTO engine_devices (engine_id, organisation_id, group_id, name, os, online, last_seen_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
      `node//${index}`, organisationId, groupId, `PC-${index}`, index === 0 ? 'Windows 11' : null, index, index === 0 ? '2026-01-01T00:00:00.000Z' : null, nextVersion(db),
    );
    db.prepare(
      `INSERT INTO engine_findings (id, organisation_id, group_id, subject_id, subject_kind, subject_name, consent_required, found_at, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(`${groupId}/user//${index}`, organisationId, groupId, `user//${index}`, index === 0 ? 'user' : 'userGroup', `hand-made ${index}`, index, '2026-01-01T00:00:00.000Z', nextVersion(db));
  }
}

describe('readSyncPage hydration', () => {
  it('hydrates a page of a thousand items in a few set-based statements, not one per item', async () => {
    const { db, statements } = tracedDatabase();
    await seedLarge(db, 100, new Date('2026-03-01T12:00:00.000Z'), 50);
    statements.length = 0;
    const page = readSyncPage(db, DEMO_ORGANISATION.id, 0, 1000);
    expect(page.changes).toHaveLength(1000);
    const types = new Set(page.changes.map((change) => change.type));
    expect(types.size).toBeGreaterThanOrEqual(4);
    // BEGIN, the heads, one statement per type on the page, COMMIT (was: one per item).
    expect(statements.length).toBeLessThanOrEqual(3 + types.size);
    db.close();
  });

  it('gives every item byte for byte as it reads on its own, in version order, on pages of any size', async () => {
    const { db } = tracedDatabase();
    await seedDemo(db, new Date('2026-03-01T12:00:00.000Z'));
    // The demo organisation is not activated: its feed has the groups it reaches and its technicians' sessions;
    // the first demo vendor's has groups, grants and users, and here the engine's machines and drift too.
    addEngineRows(db, demoVendorId(0));
    const seen = new Set<string>();
    for (const organisationId of [DEMO_ORGANISATION.id, demoVendorId(0)]) {
      for (const limit of [7, 1000]) {
        let since = 0;
        let last = 0;
        for (;;) {
          const page = readSyncPage(db, organisationId, since, limit);
          for (const change of page.changes) {
            expect(change.version).toBeGreaterThanOrEqual(last);
            last = change.version;
            seen.add(change.type);
            if (change.op === 'put') expect(JSON.stringify(change.data), `${change.type} ${change.id}`).toBe(JSON.stringify(readOne(db, organisationId, change)));
          }
          since = page.cursor;
          if (!page.hasMore) break;
        }
      }
    }
    expect([...seen].sort()).toEqual([...syncTypes].sort());
    db.close();
  });
});

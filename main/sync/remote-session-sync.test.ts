import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RemoteSession, SyncChange, SyncPage } from '../../common/portal/portal-types';
import { openCache } from '../cache/cache-database';
import { cacheRepositories } from '../cache/cache-repositories';
import { syncStateRepository } from '../cache/sync-state-repository';
import { sampleSession } from '../cache/testing/remote-sessions';
import { silentLogger } from '../test-support/portal-fixture';
import { applySyncPage } from './apply-sync-page';
import { SyncEngine } from './sync-engine';

const put = (session: RemoteSession): SyncChange => ({ type: 'remoteSession', op: 'put', id: session.id, version: session.version, data: session });

function cache() {
  const db = openCache(join(mkdtempSync(join(tmpdir(), 'session-sync-')), 'cache.sqlite'));
  return { db, repositories: cacheRepositories(db), state: syncStateRepository(db) };
}

describe('remote-support sessions in the sync feed', () => {
  it('stores each session once, newest first, its open end filled in later, and removes it on its tombstone', async () => {
    const open = sampleSession('s1', { startedAt: '2026-03-02T09:00:00.000Z', endedAt: null, version: 1 });
    const pages: SyncPage[] = [
      { cursor: 2, hasMore: true, changes: [put(open), put(sampleSession('s2', { startedAt: '2026-03-03T09:00:00.000Z', version: 2 }))] },
      // The engine resent the first session, now ended: the same id, a newer version.
      { cursor: 3, hasMore: false, changes: [put({ ...open, endedAt: '2026-03-02T09:40:00.000Z', version: 3 })] },
    ];
    const { db, repositories, state } = cache();
    const sync = new SyncEngine({
      db,
      repositories,
      state,
      fetchPage: async (since) => pages.find((page) => page.cursor > since) ?? { cursor: since, hasMore: false, changes: [] },
      now: () => new Date('2026-03-04T12:00:00.000Z'),
      logger: silentLogger,
      onStatus: () => {},
      onCacheChanged: () => {},
    });
    await sync.syncNow();
    expect(repositories.remoteSessions.all().map((session) => [session.id, session.endedAt])).toEqual([
      ['s2', '2026-03-03T10:00:00.000Z'],
      ['s1', '2026-03-02T09:40:00.000Z'],
    ]);
    expect(db.prepare("SELECT ended_at FROM remote_sessions WHERE id = 's1'").pluck().get()).toBe('2026-03-02T09:40:00.000Z');

    pages.push({ cursor: 4, hasMore: false, changes: [{ type: 'remoteSession', op: 'delete', id: 's2', version: 4 }] });
    await sync.syncNow();
    expect(repositories.remoteSessions.all().map((session) => session.id)).toEqual(['s1']);
    expect(state.get().cursor).toBe(4);
  });

  it('keeps the newer version when an older copy of a session arrives again, and fills the columns the screen reads', () => {
    const { db, repositories, state } = cache();
    const ended = sampleSession('s1', { startedAt: '2026-03-02T10:00:00+01:00', endedAt: '2026-03-02T10:30:00+01:00', consent: 'notNeeded', kind: 'terminal', version: 5 });
    applySyncPage(db, repositories, state, { cursor: 5, hasMore: false, changes: [put(ended)] });
    applySyncPage(db, repositories, state, { cursor: 6, hasMore: false, changes: [put({ ...ended, endedAt: null, version: 2 })] });
    expect(repositories.remoteSessions.get('s1')?.endedAt).toBe('2026-03-02T10:30:00+01:00');
    expect(db.prepare('SELECT group_id, vendor_id, user_id, kind, consent, started_at, ended_at, version FROM remote_sessions').get()).toEqual({
      group_id: 'g1',
      vendor_id: 'v1',
      user_id: 'u1',
      kind: 'terminal',
      consent: 'notNeeded',
      // Normalised to UTC, so the columns compare as instants.
      started_at: '2026-03-02T09:00:00.000Z',
      ended_at: '2026-03-02T09:30:00.000Z',
      version: 5,
    });
    expect(repositories.remoteSessions.count()).toBe(1);
  });

  it('keeps an account the portal does not know: no user, no vendor', () => {
    const { db, repositories, state } = cache();
    const unknown = sampleSession('s9', { userId: null, vendorId: null, vendorName: null, username: '~local:ukjent' });
    applySyncPage(db, repositories, state, { cursor: 1, hasMore: false, changes: [put(unknown)] });
    expect(repositories.remoteSessions.get('s9')).toEqual(unknown);
    expect(db.prepare('SELECT vendor_id, user_id FROM remote_sessions').get()).toEqual({ vendor_id: null, user_id: null });
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SyncChange } from '../../common/portal/portal-types';
import { openCache } from '../cache/cache-database';
import { cacheRepositories } from '../cache/cache-repositories';
import { syncStateRepository } from '../cache/sync-state-repository';
import { sampleSession } from '../cache/testing/remote-sessions';
import { applySyncPage } from './apply-sync-page';

function cache() {
  const db = openCache(join(mkdtempSync(join(tmpdir(), 'apply-page-')), 'cache.sqlite'));
  return { db, repositories: cacheRepositories(db), state: syncStateRepository(db) };
}

const put = (id: string, version: number): SyncChange => ({ type: 'remoteSession', op: 'put', id, version, data: sampleSession(id, { version }) });
const remove = (id: string, version: number): SyncChange => ({ type: 'remoteSession', op: 'delete', id, version });

describe('applySyncPage', () => {
  it('writes the rows of a page in key order, but one item\'s changes in the order the page gives them', () => {
    const { db, repositories, state } = cache();
    const ids = Array.from({ length: 50 }, (_, index) => `s${String((index * 37) % 50).padStart(2, '0')}`);
    applySyncPage(db, repositories, state, {
      cursor: 60,
      hasMore: false,
      changes: [...ids.map((id, index) => put(id, index + 1)), remove('s07', 51), put('s07', 52), put('s08', 53), remove('s08', 54)],
    });
    const stored = repositories.remoteSessions.all().map((session) => session.id).sort();
    expect(stored).toEqual([...ids].filter((id) => id !== 's08').sort());
    expect(repositories.remoteSessions.get('s07')?.version).toBe(52);
    expect(state.get().cursor).toBe(60);
  });
});

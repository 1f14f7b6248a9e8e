import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_SETTINGS } from '../../common/review/review-settings';
import { openCache } from './cache-database';
import { cacheRepositories } from './cache-repositories';
import { grantUsage } from './grant-usage';
import { reviewItemUsage } from './review-item-usage';
import { sampleGrant, sampleSession } from './testing/remote-sessions';

const NOW = new Date('2026-04-15T10:00:00.000Z');

describe('the use of a campaign\'s grants, for its report', () => {
  it('is the grant usage of each item, also of a grant the campaign has removed (gone from the cache, its sessions not)', () => {
    const db = openCache(join(mkdtempSync(join(tmpdir(), 'item-usage-')), 'cache.sqlite'));
    const repositories = cacheRepositories(db);
    repositories.grants.put(sampleGrant('g1', 'v1'), 1);
    for (const session of [
      sampleSession('recent', { groupId: 'g1', vendorId: 'v1', startedAt: '2026-04-14T08:00:00.000Z' }),
      sampleSession('edge', { groupId: 'g1', vendorId: 'v1', startedAt: '2026-01-15T10:00:00.000Z' }),
      sampleSession('old', { groupId: 'g1', vendorId: 'v1', startedAt: '2025-10-01T08:00:00.000Z' }),
      // Used before it was removed: the report must say so.
      sampleSession('removed', { groupId: 'g2', vendorId: 'v2', startedAt: '2026-02-01T08:00:00.000Z' }),
    ]) {
      repositories.remoteSessions.put(session, session.version);
    }
    const items = [
      { grantId: 'g1:v1', groupId: 'g1', vendorId: 'v1' },
      { grantId: 'g2:v2', groupId: 'g2', vendorId: 'v2' },
      { grantId: 'g3:v1', groupId: 'g3', vendorId: 'v1' },
    ];
    const usage = reviewItemUsage(db, items, 90, NOW);
    expect(usage).toEqual({
      days: 90,
      since: '2026-01-15T10:00:00.000Z',
      byGrant: {
        'g1:v1': { lastUsedAt: '2026-04-14T08:00:00.000Z', sessionsInWindow: 2 },
        'g2:v2': { lastUsedAt: '2026-02-01T08:00:00.000Z', sessionsInWindow: 1 },
      },
    });
    // The same evidence the screen shows for a grant still in the cache.
    const screen = grantUsage(db, DEFAULT_REVIEW_SETTINGS, NOW).usage.find((grant) => grant.grantId === 'g1:v1');
    expect(usage.byGrant['g1:v1']).toEqual({ lastUsedAt: screen?.lastUsedAt, sessionsInWindow: screen?.sessionsInWindow });
    db.close();
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RemoteSession } from '../../common/portal/portal-types';
import { DEFAULT_REVIEW_SETTINGS, type ReviewSettings } from '../../common/review/review-settings';
import { openCache } from './cache-database';
import { cacheRepositories } from './cache-repositories';
import { GRANT_USAGE_SQL, grantUsage } from './grant-usage';
import { sampleGrant, sampleSession } from './testing/remote-sessions';

/** Wednesday 15 April 2026, 12:00 in Oslo (summer time); the 90-day window starts on 15 January. */
const NOW = new Date('2026-04-15T10:00:00.000Z');

function cacheWith(grants: Array<[string, string]>, sessions: RemoteSession[]) {
  const db = openCache(join(mkdtempSync(join(tmpdir(), 'grant-usage-')), 'cache.sqlite'));
  const repositories = cacheRepositories(db);
  for (const [groupId, vendorId] of grants) repositories.grants.put(sampleGrant(groupId, vendorId), 1);
  for (const session of sessions) repositories.remoteSessions.put(session, session.version);
  return db;
}

const unattended = (id: string, groupId: string, startedAt: string, endedAt: string | null, overrides: Partial<RemoteSession> = {}) =>
  sampleSession(id, { groupId, vendorId: 'v1', consent: 'notNeeded', startedAt, endedAt, ...overrides });

const usageOf = (db: ReturnType<typeof cacheWith>, settings: ReviewSettings = DEFAULT_REVIEW_SETTINGS, now = NOW) =>
  Object.fromEntries(grantUsage(db, settings, now).usage.map(({ grantId, lastUsedAt, sessionsInWindow, usedOutsideHours }) => [grantId, { lastUsedAt, sessionsInWindow, usedOutsideHours }]));

describe('grant usage from the cached sessions', () => {
  it('gives every grant its last use, its sessions in the window and, never used, null and 0', () => {
    const db = cacheWith(
      [
        ['g1', 'v1'],
        ['g1', 'v2'],
      ],
      [
        unattended('yesterday', 'g1', '2026-04-14T08:00:00.000Z', '2026-04-14T08:30:00.000Z'),
        unattended('last-month', 'g1', '2026-03-16T09:00:00.000Z', '2026-03-16T09:10:00.000Z'),
        // Before the window: the last use would still be this if it were the newest, but it is not counted.
        unattended('last-year', 'g1', '2025-12-01T09:00:00.000Z', '2025-12-01T09:10:00.000Z'),
        // Another vendor's users on the same group, and an account the portal does not know: not this grant's use.
        sampleSession('other-vendor', { groupId: 'g1', vendorId: 'v3', startedAt: '2026-04-15T07:00:00.000Z' }),
        sampleSession('unknown-account', { groupId: 'g1', vendorId: null, userId: null, vendorName: null, startedAt: '2026-04-15T07:30:00.000Z' }),
      ],
    );
    const report = grantUsage(db, DEFAULT_REVIEW_SETTINGS, NOW);
    expect(report).toMatchObject({ windowDays: 90, windowStart: '2026-01-15T10:00:00.000Z', generatedAt: NOW.toISOString() });
    expect(usageOf(db)).toEqual({
      'g1:v1': { lastUsedAt: '2026-04-14T08:00:00.000Z', sessionsInWindow: 2, usedOutsideHours: false },
      'g1:v2': { lastUsedAt: null, sessionsInWindow: 0, usedOutsideHours: false },
    });
  });

  it('counts a session exactly at the start of the window, and none that started before it', () => {
    const db = cacheWith([['g1', 'v1']], [unattended('edge', 'g1', '2026-01-15T10:00:00.000Z', '2026-01-15T10:05:00.000Z'), unattended('before', 'g1', '2026-01-15T09:59:59.999Z', null)]);
    expect(usageOf(db)['g1:v1']).toMatchObject({ sessionsInWindow: 1 });
    // A window of 30 days leaves both out, but the last use stays what it is.
    expect(usageOf(db, { ...DEFAULT_REVIEW_SETTINGS, recommendationDays: 30 })['g1:v1']).toEqual({ lastUsedAt: '2026-01-15T10:00:00.000Z', sessionsInWindow: 0, usedOutsideHours: false });
  });

  it('judges working hours on the Oslo clock of each day, on both sides of the change to summer time', () => {
    const db = cacheWith(
      [
        ['monday-after', 'v1'],
        ['friday-before', 'v1'],
      ],
      [
        // 06:30 UTC is 08:30 in Oslo on Monday 30 March (summer time): within 08:00–16:00.
        unattended('monday', 'monday-after', '2026-03-30T06:30:00.000Z', '2026-03-30T06:45:00.000Z'),
        // The same UTC time on Friday 27 March is 07:30 (winter time): before the working day.
        unattended('friday', 'friday-before', '2026-03-27T06:30:00.000Z', '2026-03-27T06:45:00.000Z'),
      ],
    );
    expect(usageOf(db)).toMatchObject({ 'monday-after:v1': { usedOutsideHours: false }, 'friday-before:v1': { usedOutsideHours: true } });
  });

  it('flags only access without approval, in part outside working hours, at the weekend, or open past the end of the day', () => {
    const db = cacheWith(
      ['asked', 'saturday', 'overran', 'open', 'last-minute'].map((groupId) => [groupId, 'v1'] as [string, string]),
      [
        // At 22:00 in Oslo, but the person at the machine was asked and said yes: with approval, not flagged.
        unattended('asked', 'asked', '2026-04-08T20:00:00.000Z', '2026-04-08T20:30:00.000Z', { consent: 'given' }),
        // Saturday 11 April, 12:00 in Oslo.
        unattended('saturday', 'saturday', '2026-04-11T10:00:00.000Z', '2026-04-11T10:30:00.000Z'),
        // Tuesday 15:30–16:30 in Oslo: the last half hour is after the working day.
        unattended('overran', 'overran', '2026-04-14T13:30:00.000Z', '2026-04-14T14:30:00.000Z'),
        // Open since 09:00 today: within working hours so far.
        unattended('open', 'open', '2026-04-15T07:00:00.000Z', null),
        // 15:00–16:00 exactly: the end of the working day is still within it.
        unattended('last-minute', 'last-minute', '2026-04-14T13:00:00.000Z', '2026-04-14T14:00:00.000Z'),
      ],
    );
    expect(usageOf(db)).toMatchObject({
      'asked:v1': { usedOutsideHours: false },
      'saturday:v1': { usedOutsideHours: true },
      'overran:v1': { usedOutsideHours: true },
      'open:v1': { usedOutsideHours: false },
      'last-minute:v1': { usedOutsideHours: false },
    });
    // At 17:00 the open session has run past the working day.
    expect(usageOf(db, DEFAULT_REVIEW_SETTINGS, new Date('2026-04-15T15:00:00.000Z'))['open:v1']).toMatchObject({ usedOutsideHours: true });
    // The organisation's own hours: Saturdays are working days, and the day ends at 17:00.
    const ownHours = { ...DEFAULT_REVIEW_SETTINGS, workdays: [1, 2, 3, 4, 5, 6], workdayEnd: 17 * 60 };
    expect(usageOf(db, ownHours)).toMatchObject({ 'saturday:v1': { usedOutsideHours: false }, 'overran:v1': { usedOutsideHours: false } });
  });

  it('does not flag access without approval outside working hours before the window', () => {
    const db = cacheWith([['g1', 'v1']], [unattended('old-night', 'g1', '2025-11-01T23:00:00.000Z', '2025-11-01T23:30:00.000Z')]);
    expect(usageOf(db)['g1:v1']).toEqual({ lastUsedAt: '2025-11-01T23:00:00.000Z', sessionsInWindow: 0, usedOutsideHours: false });
  });

  it('compares instants, whatever form of ISO time the portal sent', () => {
    const db = cacheWith([['g1', 'v1']], [unattended('offset', 'g1', '2026-04-14T10:00:00+02:00', '2026-04-14T10:30:00+02:00'), unattended('no-fraction', 'g1', '2026-04-13T08:00:00Z', '2026-04-13T08:05:00Z')]);
    expect(usageOf(db)['g1:v1']).toEqual({ lastUsedAt: '2026-04-14T08:00:00.000Z', sessionsInWindow: 2, usedOutsideHours: false });
  });

  it('is one statement over the grants, each question a range of the (group, vendor, start) index', () => {
    const db = cacheWith([['g1', 'v1']], []);
    grantUsage(db, DEFAULT_REVIEW_SETTINGS, NOW);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${GRANT_USAGE_SQL}`).all({ since: NOW.toISOString(), now: NOW.toISOString() }) as Array<{ detail: string }>).map((step) => step.detail);
    expect(plan.filter((detail) => detail.includes('remote_sessions'))).toEqual([
      expect.stringContaining('remote_sessions_by_grant (group_id=? AND vendor_id=?)'),
      expect.stringContaining('remote_sessions_by_grant (group_id=? AND vendor_id=? AND started_at>?)'),
      expect.stringContaining('remote_sessions_by_grant (group_id=? AND vendor_id=? AND started_at>?)'),
    ]);
    expect(plan.some((detail) => /SCAN remote_sessions\b/.test(detail))).toBe(false);
  });
});

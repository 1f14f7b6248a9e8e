import { describe, expect, it } from 'vitest';
import type { Grant, MachineGroup } from '../portal/portal-types';
import { filterReviewRows, reviewRows } from './access-review-filter';

const now = Date.parse('2026-11-30T12:00:00Z');
const day = 86_400_000;
const group = (id: string, name: string): MachineGroup => ({
  id,
  name,
  fullName: `NorskHelsenetttest-${name}`,
  syncState: 'ready',
  readyAt: '2026-11-01T00:00:00Z',
  isDefault: false,
  createdAt: '2026-11-01T00:00:00Z',
  createdBy: 'demo.admin',
  engineStatus: { state: 'active', reason: null },
  version: 1,
});
const grant = (groupId: string, vendor: string, mode: Grant['mode'], expiresInDays: number | null): Grant => ({
  id: `${groupId}:${vendor}`,
  groupId,
  vendor: { id: vendor, name: `Leverandør ${vendor}` },
  mode,
  grantedAt: '2026-11-01T00:00:00Z',
  grantedBy: 'demo.admin',
  modeChangedAt: null,
  modeChangedBy: null,
  expiresAt: expiresInDays === null ? null : new Date(now + expiresInDays * day).toISOString(),
  engineStatus: { state: 'active', reason: null },
  version: 1,
});

const groups = [group('g1', 'Maskiner'), group('g2', 'Røntgen')];
const grants = [grant('g2', 'a', 'with_approval', 3), grant('g1', 'b', 'without_approval', null), grant('g1', 'a', 'without_approval', 60)];

describe('access review rows', () => {
  it('joins group names, sorts by group and vendor, and flags what needs attention', () => {
    const rows = reviewRows(grants, groups, now);
    expect(rows.map((row) => [row.groupName, row.grant.vendor.id, row.expiringSoon, row.unattendedForever])).toEqual([
      ['Maskiner', 'a', false, false],
      ['Maskiner', 'b', false, true],
      ['Røntgen', 'a', true, false],
    ]);
  });

  it('filters by group, vendor, mode and expiry within N days', () => {
    const rows = reviewRows(grants, groups, now);
    const ids = (filter: Parameters<typeof filterReviewRows>[1]) => filterReviewRows(rows, filter, now).map((row) => row.grant.id);
    expect(ids({ groupId: 'g1' })).toEqual(['g1:a', 'g1:b']);
    expect(ids({ vendorId: 'a' })).toEqual(['g1:a', 'g2:a']);
    expect(ids({ mode: 'without_approval' })).toEqual(['g1:a', 'g1:b']);
    expect(ids({ expiringWithinDays: 7 })).toEqual(['g2:a']);
    expect(ids({ expiringWithinDays: 90 })).toEqual(['g1:a', 'g2:a']);
  });

  it('shows the last review since the grant was given, and filters the never reviewed', () => {
    const lastReviews = new Map([
      ['g1:a', { grantId: 'g1:a', decision: 'keep' as const, decidedAt: '2026-11-20T00:00:00Z', campaignName: 'Q4' }],
      // Decided before this grant was given: a review of an earlier grant, not of this one.
      ['g1:b', { grantId: 'g1:b', decision: 'remove' as const, decidedAt: '2026-10-01T00:00:00Z', campaignName: 'Q3' }],
    ]);
    const rows = reviewRows(grants, groups, now, lastReviews);
    expect(rows.map((row) => [row.grant.id, row.lastReview?.campaignName])).toEqual([
      ['g1:a', 'Q4'],
      ['g1:b', undefined],
      ['g2:a', undefined],
    ]);
    expect(filterReviewRows(rows, { neverReviewed: true }, now).map((row) => row.grant.id)).toEqual(['g1:b', 'g2:a']);
  });

  it('counts a review made before the mode last changed as no review of the grant as it is now', () => {
    const lastReviews = new Map([['g1:a', { grantId: 'g1:a', decision: 'keep' as const, decidedAt: '2026-11-20T00:00:00Z', campaignName: 'Q4' }]]);
    const loosened = { ...grants[2]!, modeChangedAt: '2026-11-25T00:00:00Z', modeChangedBy: 'demo.admin' };
    expect(reviewRows([loosened], groups, now, lastReviews)[0]!.lastReview).toBeUndefined();
    const reviewedSince = { ...loosened, modeChangedAt: '2026-11-10T00:00:00Z' };
    expect(reviewRows([reviewedSince], groups, now, lastReviews)[0]!.lastReview?.campaignName).toBe('Q4');
    // "Gitt" stays the first grant either way.
    expect(reviewRows([loosened], groups, now, lastReviews)[0]!.grant.grantedAt).toBe('2026-11-01T00:00:00Z');
  });

  it('recommends each grant by its use in the window, once the usage is known', () => {
    expect(reviewRows(grants, groups, now).map((row) => row.recommendation)).toEqual([undefined, undefined, undefined]);
    const byGrant = new Map([['g1:a', { lastUsedAt: new Date(now - 2 * day).toISOString(), sessionsInWindow: 5 }]]);
    const rows = reviewRows(grants, groups, now, new Map(), { byGrant, at: now, days: 90 });
    expect(rows.map((row) => [row.grant.id, row.recommendation?.kind, row.recommendation?.sessionsInWindow])).toEqual([
      ['g1:a', 'keep', 5],
      ['g1:b', 'remove', 0],
      ['g2:a', 'remove', 0],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import type { ReviewItemState } from './review-campaign';
import { planRecommendations, recommend } from './review-recommendation';

const DAY = 86_400_000;
const now = Date.parse('2026-11-30T12:00:00.000Z');
const ago = (days: number) => new Date(now - days * DAY).toISOString();

describe('the recommendation for one grant', () => {
  it('keeps a grant used yesterday, with the evidence', () => {
    expect(recommend({ lastUsedAt: ago(1), sessionsInWindow: 4 }, now, 90)).toEqual({ kind: 'keep', days: 90, lastUsedAt: ago(1), sessionsInWindow: 4 });
  });

  it('removes a grant never used', () => {
    expect(recommend({ lastUsedAt: null, sessionsInWindow: 0 }, now, 90)).toEqual({ kind: 'remove', days: 90, lastUsedAt: null, sessionsInWindow: 0 });
    // No evidence at all (no session ever reached the cache) is the same as never used.
    expect(recommend(undefined, now, 90)).toEqual({ kind: 'remove', days: 90, lastUsedAt: null, sessionsInWindow: 0 });
  });

  it('counts a use exactly N days ago as inside the window, a millisecond more as outside', () => {
    expect(recommend({ lastUsedAt: ago(90), sessionsInWindow: 1 }, now, 90).kind).toBe('keep');
    expect(recommend({ lastUsedAt: new Date(now - 90 * DAY - 1).toISOString(), sessionsInWindow: 0 }, now, 90).kind).toBe('remove');
    expect(recommend({ lastUsedAt: ago(30), sessionsInWindow: 1 }, now, 14).kind).toBe('remove');
  });

  it('keeps a grant whose session is open now (used "now", a moment ahead of this clock)', () => {
    expect(recommend({ lastUsedAt: new Date(now + 500).toISOString(), sessionsInWindow: 1 }, now, 90).kind).toBe('keep');
  });

  it('refuses a window that is not a whole number of days of at least one', () => {
    expect(() => recommend(undefined, now, 0)).toThrow(RangeError);
    expect(() => recommend(undefined, now, 1.5)).toThrow(RangeError);
  });
});

const item = (grantId: string, mode: ReviewItemState['mode'], decided: 'keep' | 'remove' | null = null, removedAt: string | null = null): ReviewItemState => ({
  grantId,
  groupId: 'g1',
  groupFullName: 'NorskHelsenetttest-Maskiner',
  vendorId: grantId,
  vendorName: `Leverandør ${grantId}`,
  mode,
  grantedAt: ago(400),
  grantedBy: 'demo.admin',
  expiresAt: null,
  decision: decided && {
    id: `d-${grantId}`,
    campaignId: 'c1',
    grantId,
    decision: decided,
    justification: decided === 'keep' && mode === 'without_approval' ? 'Vaktavtale' : null,
    decidedAt: ago(2),
    decidedBy: 'demo.admin',
  },
  removedAt,
});

describe('applying the recommendations to a campaign', () => {
  const usage = new Map([
    ['used-approved', { lastUsedAt: ago(1), sessionsInWindow: 3 }],
    ['used-unattended', { lastUsedAt: ago(10), sessionsInWindow: 1 }],
    ['used-unattended-2', { lastUsedAt: ago(20), sessionsInWindow: 2 }],
    ['decided-used', { lastUsedAt: ago(1), sessionsInWindow: 9 }],
    ['stale', { lastUsedAt: ago(200), sessionsInWindow: 0 }],
  ]);

  it('decides only the undecided items: kept when used, removed when not', () => {
    const items = [
      item('used-approved', 'with_approval'),
      item('stale', 'with_approval'),
      item('never', 'without_approval'),
      // Already decided, against the recommendation: the reviewer's decision stands.
      item('decided-used', 'with_approval', 'remove'),
      item('decided-never', 'without_approval', 'keep'),
    ];
    const plan = planRecommendations(items, { byGrant: usage, at: now, days: 90 });
    expect(plan.keep).toEqual(['used-approved']);
    expect(plan.remove).toEqual(['stale', 'never']);
    expect(plan.justificationRequired).toBe(0);
  });

  it('asks for one justification for every kept grant without approval, and says how many it covers', () => {
    const items = [item('used-unattended', 'without_approval'), item('used-unattended-2', 'without_approval'), item('used-approved', 'with_approval')];
    const plan = planRecommendations(items, { byGrant: usage, at: now, days: 90 });
    expect(plan.keep).toEqual(['used-unattended', 'used-unattended-2', 'used-approved']);
    expect(plan.remove).toEqual([]);
    // One question for both, not one per grant.
    expect(plan.justificationRequired).toBe(2);
  });

  it('leaves nothing to do when every item is decided or already removed', () => {
    const plan = planRecommendations([item('stale', 'with_approval', 'remove', ago(1)), item('used-approved', 'with_approval', 'keep')], { byGrant: usage, at: now, days: 90 });
    expect(plan).toEqual({ keep: [], remove: [], justificationRequired: 0 });
  });
});

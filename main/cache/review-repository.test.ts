import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReviewDecision, ReviewItem } from '../../common/review/review-campaign';
import { openCache } from './cache-database';
import { reviewRepository } from './review-repository';

const item = (vendor: string, mode: ReviewItem['mode'] = 'with_approval'): ReviewItem => ({
  grantId: `g1:${vendor}`,
  groupId: 'g1',
  groupFullName: 'Org-Maskiner',
  vendorId: vendor,
  vendorName: `Leverandør ${vendor}`,
  mode,
  grantedAt: '2026-01-01T00:00:00.000Z',
  grantedBy: 'demo.admin',
  expiresAt: null,
});

const decision = (id: string, grant: string, kind: ReviewDecision['decision'], justification: string | null = null): ReviewDecision => ({
  id,
  campaignId: 'c1',
  grantId: `g1:${grant}`,
  decision: kind,
  justification,
  decidedAt: `2026-11-30T10:00:0${id.length % 10}.000Z`,
  decidedBy: 'demo.admin',
});

function freshRepository() {
  const file = join(mkdtempSync(join(tmpdir(), 'review-repo-')), 'cache.sqlite');
  const db = openCache(file);
  const reviews = reviewRepository(db);
  reviews.start({ id: 'c1', name: 'Q4', dueDate: '2026-12-31', startedAt: '2026-11-30T09:00:00.000Z', startedBy: 'demo.admin' }, [
    item('a'),
    item('b', 'without_approval'),
    item('c'),
  ]);
  return { file, db, reviews };
}

describe('the review repository (a real SQLite cache file)', () => {
  it('keeps the campaign, its snapshot in order, and counts what is decided and unsent', () => {
    const { reviews } = freshRepository();
    expect(reviews.campaigns()).toEqual([
      expect.objectContaining({ id: 'c1', name: 'Q4', itemCount: 3, decidedCount: 0, removeCount: 0, unpushedCount: 1, completedAt: null, pushError: null }),
    ]);
    expect(reviews.detail('c1')!.items.map((entry) => [entry.vendorId, entry.decision])).toEqual([
      ['a', null],
      ['b', null],
      ['c', null],
    ]);
  });

  it('appends decisions; the newest per grant counts and every record stays for the push', () => {
    const { reviews } = freshRepository();
    reviews.record(decision('d1', 'a', 'keep'));
    reviews.record(decision('d2', 'b', 'keep', 'Vaktavtale'));
    reviews.record(decision('d3', 'a', 'remove'));
    const detail = reviews.detail('c1')!;
    expect(detail.items.map((entry) => entry.decision?.decision ?? null)).toEqual(['remove', 'keep', null]);
    expect(detail.campaign).toMatchObject({ decidedCount: 2, removeCount: 1, unpushedCount: 4 });
    // The campaign record goes first: its decisions wait until the portal has it.
    expect(reviews.campaignsWithUnpushedDecisions()).toEqual([]);
    reviews.markCampaignPushed('c1');
    expect(reviews.campaignsWithUnpushedDecisions()).toEqual(['c1']);
    expect(reviews.unpushedDecisions('c1', 2).map((entry) => entry.id)).toEqual(['d1', 'd2']);
    reviews.markDecisionsPushed(['d1', 'd2']);
    expect(reviews.unpushedDecisions('c1', 10).map((entry) => entry.id)).toEqual(['d3']);
    expect(reviews.lastReviews()).toEqual(
      expect.arrayContaining([expect.objectContaining({ grantId: 'g1:a', decision: 'remove', campaignName: 'Q4' }), expect.objectContaining({ grantId: 'g1:b', decision: 'keep' })]),
    );
  });

  it('changes the revision on every decision and removal, not when records are sent', () => {
    const { reviews } = freshRepository();
    const revisions = [reviews.campaign('c1')!.revision];
    reviews.record(decision('d1', 'a', 'remove'));
    revisions.push(reviews.campaign('c1')!.revision);
    reviews.markCampaignPushed('c1');
    reviews.markDecisionsPushed(['d1']);
    revisions.push(reviews.campaign('c1')!.revision);
    reviews.markRemoved('c1', 'g1:a', '2026-12-01T00:00:00.000Z');
    revisions.push(reviews.campaign('c1')!.revision);
    expect(revisions[1]).not.toBe(revisions[0]);
    expect(revisions[2]).toBe(revisions[1]);
    expect(revisions[3]).not.toBe(revisions[2]);
  });

  it('sends a completion only after every decision of the campaign', () => {
    const { reviews } = freshRepository();
    reviews.markCampaignPushed('c1');
    reviews.record(decision('d1', 'a', 'remove'));
    reviews.complete('c1', '2026-12-01T00:00:00.000Z');
    expect(reviews.unpushedCompletions()).toEqual([]);
    reviews.markDecisionsPushed(['d1']);
    expect(reviews.unpushedCompletions()).toEqual([{ id: 'c1', completedAt: '2026-12-01T00:00:00.000Z' }]);
    reviews.markCompletionPushed('c1');
    expect(reviews.campaign('c1')).toMatchObject({ unpushedCount: 0, completedAt: '2026-12-01T00:00:00.000Z' });
  });

  it('refuses a decision on a grant outside the campaign snapshot, leaving nothing behind', () => {
    const { reviews, db } = freshRepository();
    expect(() => reviews.record({ ...decision('d1', 'a', 'keep'), campaignId: 'nope' })).toThrow(/FOREIGN KEY/);
    expect(db.prepare('SELECT COUNT(*) FROM review_decisions').pluck().get()).toBe(0);
  });

  it('keeps every decision across a reopen of the file', () => {
    const { file, db, reviews } = freshRepository();
    reviews.record(decision('d1', 'a', 'keep'));
    db.close();
    const reopened = reviewRepository(openCache(file));
    expect(reopened.item('c1', 'g1:a')?.decision).toMatchObject({ id: 'd1', decision: 'keep' });
  });
});

import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Grant, MachineGroup } from '../../common/portal/portal-types';
import type { ReviewItem } from '../../common/review/review-campaign';
import { activateService, startTestPortal, type ApiClient, type TestPortal } from '../../server/api/testing/test-portal';
import { PortalClient } from '../api/portal-client';
import { openCache } from '../cache/cache-database';
import { reviewRepository, type ReviewRepository } from '../cache/review-repository';
import { devTokenTransport } from '../test-support/dev-token-transport';
import { silentLogger } from '../test-support/portal-fixture';
import { pushReviews } from './review-push';

const GROUPS = '/api/v1/machine-groups';

/**
 * The portal checks every pushed review record against its own grants and clock (issue 11). Here the
 * app's push meets those checks for real — the reference portal over HTTP, with a clock the test
 * moves, and the app's SQLite cache — so a campaign started offline is sent, a refused one says why
 * on the campaign without holding up the others, and a decision refused for a fast clock goes later.
 */
describe('pushing review records the portal checks (real HTTP, real SQLite file)', () => {
  let portal: TestPortal;
  let admin: ApiClient;
  let client: PortalClient;
  let group: MachineGroup;

  const freshCache = (): ReviewRepository => reviewRepository(openCache(join(mkdtempSync(join(tmpdir(), 'review-push-')), 'cache.sqlite')));
  const grant = async (vendorId: string, mode: Grant['mode']): Promise<Grant> => (await admin.put(`${GROUPS}/${group.id}/grants/${vendorId}`, { mode })).body;
  /** What the app's cache holds of a grant, as reviews.start snapshots it. */
  const snapshot = (of: Grant): ReviewItem => ({
    grantId: of.id,
    groupId: of.groupId,
    groupFullName: group.fullName,
    vendorId: of.vendor.id,
    vendorName: of.vendor.name,
    mode: of.mode,
    grantedAt: of.grantedAt,
    grantedBy: of.grantedBy,
    expiresAt: of.expiresAt ?? null,
  });
  const start = (reviews: ReviewRepository, items: ReviewItem[], startedAt = portal.clock.now().toISOString()): string => {
    const id = randomUUID();
    reviews.start({ id, name: `Gjennomgang ${id.slice(0, 4)}`, dueDate: '2026-12-31', startedAt, startedBy: 'demo.admin' }, items);
    return id;
  };
  const decide = (reviews: ReviewRepository, campaignId: string, grantId: string, decision: 'keep' | 'remove', decidedAt = portal.clock.now().toISOString()) =>
    reviews.record({ id: randomUUID(), campaignId, grantId, decision, justification: null, decidedAt, decidedBy: 'demo.admin' });
  const onPortal = async (id: string) => admin.get(`/api/v1/access-reviews/${id}`);

  beforeAll(async () => {
    portal = await startTestPortal();
    admin = await portal.as();
    await activateService(portal, admin);
    group = (await admin.get(GROUPS)).body[0];
    client = new PortalClient(portal.url, await devTokenTransport(portal.url, 'demo.admin'), { retryDelaysMs: [] });
  });
  afterAll(() => portal?.close());

  it('sends a campaign started offline after its grants changed and went: the portal takes the snapshot as it recorded it', async () => {
    const given = await grant('org-vendor-01', 'with_approval');
    const later = await grant('org-vendor-02', 'without_approval');
    // The cache as last synced; then, while this computer is offline, another administrator changes
    // one grant and removes the other in the web portal.
    const items = [snapshot(given), snapshot(later)];
    portal.clock.advance(1_000);
    await grant('org-vendor-01', 'without_approval');
    expect((await admin.delete(`${GROUPS}/${group.id}/grants/org-vendor-02`)).status).toBe(204);

    const reviews = freshCache();
    const id = start(reviews, items);
    // Kept as seen (with approval: no justification needed), and removed.
    decide(reviews, id, given.id, 'keep');
    decide(reviews, id, later.id, 'remove');
    expect(await pushReviews(reviews, client, silentLogger)).toBe(true);

    expect(reviews.campaign(id)).toMatchObject({ pushError: null, unpushedCount: 0 });
    const recorded = (await onPortal(id)).body;
    expect(recorded.items).toEqual(items);
    expect(recorded.decisions.map((record: { grantId: string; decision: string }) => [record.grantId, record.decision])).toEqual([
      [given.id, 'keep'],
      [later.id, 'remove'],
    ]);
  });

  it('shows a refusal on its campaign with the portal\'s reasons, holds back its decisions, and sends the other campaigns', async () => {
    const unattended = await grant('org-vendor-03', 'without_approval');
    const reviews = freshCache();
    // A cache that lies about a grant (a bug, or a hand-edited file): "with approval", so no justification.
    const tampered = start(reviews, [{ ...snapshot(unattended), mode: 'with_approval' }]);
    decide(reviews, tampered, unattended.id, 'keep');
    const honest = start(reviews, [snapshot(unattended)]);
    decide(reviews, honest, unattended.id, 'remove');

    expect(await pushReviews(reviews, client, silentLogger)).toBe(true);
    const refused = reviews.campaign(tampered)!;
    expect(refused.pushError).toMatch(/^INVALID_INPUT: .* — items\.0\.mode ITEM_CONTRADICTS_GRANT: The portal's record of this grant says "without_approval"$/);
    expect(refused.unpushedCount).toBe(2);
    expect((await onPortal(tampered)).status).toBe(404);
    expect(reviews.campaign(honest)).toMatchObject({ pushError: null, unpushedCount: 0 });

    // Every run tries again, and says so again; nothing of the refused campaign is sent meanwhile.
    expect(await pushReviews(reviews, client, silentLogger)).toBe(false);
    expect(reviews.campaign(tampered)).toMatchObject({ pushError: refused.pushError, unpushedCount: 2 });
  });

  it('sends a decision stamped by a clock running ahead of the portal\'s on a later run, once the portal\'s clock has caught up', async () => {
    const approved = await grant('org-vendor-04', 'with_approval');
    const reviews = freshCache();
    const id = start(reviews, [snapshot(approved)]);
    const tenMinutesAhead = new Date(portal.clock.now().getTime() + 10 * 60_000).toISOString();
    decide(reviews, id, approved.id, 'remove', tenMinutesAhead);

    expect(await pushReviews(reviews, client, silentLogger)).toBe(true);
    expect(reviews.campaign(id)!.pushError).toMatch(/decisions\.0\.decidedAt DECIDED_AT_IN_FUTURE/);
    expect(reviews.campaign(id)!.unpushedCount).toBe(1);

    portal.clock.advance(5 * 60_000);
    expect(await pushReviews(reviews, client, silentLogger)).toBe(true);
    expect(reviews.campaign(id)).toMatchObject({ pushError: null, unpushedCount: 0 });
    expect((await onPortal(id)).body.decisions).toEqual([expect.objectContaining({ decidedAt: tenMinutesAhead, decision: 'remove' })]);
  });
});

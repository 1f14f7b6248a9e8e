import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessReviewItem, Grant, MachineGroup, Vendor } from '../../common/portal/portal-types';
import { PortalClient } from '../api/portal-client';
import { openCache } from '../cache/cache-database';
import { reviewRepository } from '../cache/review-repository';
import { PortalError } from '../ipc/portal-error';
import { devTokenTransport } from '../test-support/dev-token-transport';
import { silentLogger, startTestPortal, type TestPortal } from '../test-support/portal-fixture';
import { reviewPull } from './review-pull';

/** Another computer (or administrator) recorded a review: this cache learns it from the portal. */
describe('pulling review records from the reference portal (real HTTP, real SQLite file)', () => {
  let portal: TestPortal;
  let client: PortalClient;
  let items: AccessReviewItem[];
  const reviewId = randomUUID();

  beforeAll(async () => {
    portal = await startTestPortal({ activationDelayMs: 0, groupSyncDelayMs: 0 });
    client = new PortalClient(portal.server.url, await devTokenTransport(portal.server.url, 'demo.admin'), { retryDelaysMs: [] });
    const service = await client.request<{ terms: { version: string } }>('GET', 'services/remote-support');
    await client.request('POST', 'services/remote-support/activation', { body: { acceptTerms: true, termsVersion: service.data.terms.version } });
    const group = (await client.request<MachineGroup[]>('GET', 'machine-groups')).data[0]!;
    const vendors = (await client.request<Vendor[]>('GET', 'vendors', { query: { limit: 2 } })).data;
    const grants = [
      (await client.request<Grant>('PUT', `machine-groups/${group.id}/grants/${vendors[0]!.id}`, { body: { mode: 'with_approval' } })).data,
      (await client.request<Grant>('PUT', `machine-groups/${group.id}/grants/${vendors[1]!.id}`, { body: { mode: 'without_approval' } })).data,
    ];
    items = grants.map((grant) => ({
      grantId: grant.id,
      groupId: grant.groupId,
      groupFullName: group.fullName,
      vendorId: grant.vendor.id,
      vendorName: grant.vendor.name,
      mode: grant.mode,
      grantedAt: grant.grantedAt,
      grantedBy: grant.grantedBy,
      expiresAt: grant.expiresAt ?? null,
    }));
  }, 60_000);
  afterAll(() => portal?.close());

  // Hours on the portal's clock (real time here): the portal takes no record stamped ahead of it.
  const base = Date.now() - 4 * 3_600_000;
  const at = (hours: number) => new Date(base + hours * 3_600_000).toISOString();
  const decide = (grantId: string, decision: 'keep' | 'remove', decidedAt: string, justification: string | null = null) =>
    client.request('POST', `access-reviews/${reviewId}/decisions`, { body: { decisions: [{ id: randomUUID(), grantId, decision, justification, decidedAt }] } });

  it('adds the campaign, its snapshot and decisions; the newest decision by time counts, whatever order they arrived in', async () => {
    await client.request('POST', 'access-reviews', { body: { id: reviewId, name: 'Fra en annen PC', dueDate: '2099-01-31', startedAt: at(0), items } });
    // Decided offline on that computer two hours in but sent after a decision made after one hour elsewhere.
    await decide(items[0]!.grantId, 'remove', at(2));
    await decide(items[0]!.grantId, 'keep', at(1));
    await decide(items[1]!.grantId, 'keep', at(1.5), 'Vaktavtale');

    const reviews = reviewRepository(openCache(join(mkdtempSync(join(tmpdir(), 'review-pull-')), 'cache.sqlite')));
    const statuses: number[] = [];
    const pullReviews = reviewPull(
      reviews,
      { request: async (...args: Parameters<PortalClient['request']>) => {
        const response = await client.request(...args);
        if (args[1] === 'access-reviews') statuses.push(response.status);
        return response as never;
      } },
      silentLogger,
    );
    expect(await pullReviews()).toBe(true);
    const detail = reviews.detail(reviewId)!;
    expect(detail.campaign).toMatchObject({ name: 'Fra en annen PC', startedBy: 'demo.admin', itemCount: 2, decidedCount: 2, removeCount: 1, unpushedCount: 0 });
    expect(detail.items.map((item) => [item.vendorName, item.decision?.decision, item.decision?.justification])).toEqual([
      [items[0]!.vendorName, 'remove', null],
      [items[1]!.vendorName, 'keep', 'Vaktavtale'],
    ]);
    expect(reviews.lastReviews()).toHaveLength(2);
    // Nothing new: the list is not even sent again.
    expect(await pullReviews()).toBe(false);
    expect(statuses).toEqual([200, 304]);

    await decide(items[1]!.grantId, 'remove', at(3));
    await client.request('POST', `access-reviews/${reviewId}/completion`, { body: { completedAt: at(3.5) } });
    expect(await pullReviews()).toBe(true);
    expect(statuses).toEqual([200, 304, 200]);
    expect(reviews.detail(reviewId)!.campaign).toMatchObject({ removeCount: 2, completedAt: at(3.5), unpushedCount: 0 });
    // Nothing is sent back that the portal already has.
    expect(reviews.unpushedCampaigns()).toEqual([]);
    expect(reviews.campaignsWithUnpushedDecisions()).toEqual([]);
    expect(reviews.unpushedCompletions()).toEqual([]);
  });

  it('is quiet before the service is active, and lets a lost connection end the sync run', async () => {
    const reviews = reviewRepository(openCache(join(mkdtempSync(join(tmpdir(), 'review-pull-')), 'cache.sqlite')));
    const refusing = (code: 'SERVICE_NOT_ACTIVE' | 'OFFLINE') => ({ request: async () => Promise.reject(new PortalError(code, code)) });
    expect(await reviewPull(reviews, refusing('SERVICE_NOT_ACTIVE'), silentLogger)()).toBe(false);
    await expect(reviewPull(reviews, refusing('OFFLINE'), silentLogger)()).rejects.toMatchObject({ code: 'OFFLINE' });
  });
});

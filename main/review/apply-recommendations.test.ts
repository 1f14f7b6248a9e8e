import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName, ChannelOutput, ParsedInput } from '../../common/contract';
import type { Grant, Vendor } from '../../common/portal/portal-types';
import { planRecommendations, usageWindow } from '../../common/review/review-recommendation';
import { localDay } from '../../common/review/review-rules';
import { AppCore } from '../app-core';
import { sampleSession } from '../cache/testing/remote-sessions';
import { createHandlers } from '../handlers';
import type { Handlers } from '../ipc/handlers-type';
import { createFileLogger } from '../log/logger';
import type { DesktopNotification } from '../notify/notifier';
import { SettingsStore } from '../settings/settings-store';
import { ManualClock } from '../test-support/manual-clock';
import { startTestPortal, testSecrets, type TestPortal } from '../test-support/portal-fixture';

const DAY = 86_400_000;

/**
 * "Bruk anbefalingene" and the campaign reminders through the IPC handlers, against the real portal,
 * keychain and cache file: the evidence is the cache's sessions (as the sync brings them), the
 * recommendations are the screen's rule over the `grants.usage` answer, and the notifications are what
 * the platform's notifier was given, on a clock the test moves.
 */
describe('applying recommendations, and the reminders of a campaign', () => {
  let portal: TestPortal;
  let core: AppCore;
  let handlers: Handlers;
  let dataDir: string;
  let clock: ManualClock;
  const shown: DesktopNotification[] = [];
  const grants: Record<'used' | 'usedUnattended' | 'stale' | 'never' | 'decidedByHand', Grant> = {} as never;
  let campaignId = '';

  const call = <C extends ChannelName>(channel: C, ...input: ParsedInput<C> extends undefined ? [] : [ParsedInput<C>]): Promise<ChannelOutput<C>> =>
    (handlers[channel] as (input?: unknown) => Promise<ChannelOutput<C>>)(input[0]);

  const startCore = async () => {
    core = await AppCore.start({
      config: { version: '0.0.0-test', dataDir, logDir: join(dataDir, 'logs'), demoAtStart: false, platform: process.platform },
      secrets: testSecrets(),
      adapters: { openExternal: portal.openBrowser, chooseSavePath: async (name) => join(dataDir, name), notifier: { notify: (notification) => shown.push(notification) } },
      events: { emit: () => {} },
      logger: createFileLogger(join(dataDir, 'logs', 'main.log')),
      clock,
    });
    // Only the reminders run on the moved clock: sign-in and the portal's records keep the real time.
    handlers = createHandlers({ core, events: { emit: () => {} }, now: () => new Date() });
  };

  beforeAll(async () => {
    portal = await startTestPortal({ activationDelayMs: 0, groupSyncDelayMs: 0 });
    dataDir = mkdtempSync(join(tmpdir(), 'recommendations-'));
    // The portal's clock is the real one: a campaign started "now" here must not be ahead of it.
    clock = new ManualClock(new Date());
    const profile = { ...portal.profile, id: 'recommendations-test' };
    const settings = new SettingsStore(dataDir);
    settings.saveProfile(profile);
    settings.setActiveProfile(profile.id);
    await startCore();
    await call('session.signIn');
    await call('sync.now');
    const service = (await call('service.get'))!;
    await call('service.activate', { acceptTerms: true, termsVersion: service.terms.version });
    await call('sync.now');
    const group = (await call('groups.list'))[0]!;
    const vendors: Vendor[] = await call('vendors.search', { query: '', limit: 5 });
    const put = (index: number, mode: Grant['mode']) => call('grants.put', { groupId: group.id, vendorId: vendors[index]!.id, mode });
    grants.used = await put(0, 'with_approval');
    grants.usedUnattended = await put(1, 'without_approval');
    grants.stale = await put(2, 'with_approval');
    grants.never = await put(3, 'without_approval');
    grants.decidedByHand = await put(4, 'with_approval');
    await call('sync.now');

    // The sessions as the sync feed brings them into the cache.
    const now = clock.now().getTime();
    const used = (grant: Grant, id: string, daysAgo: number) =>
      sampleSession(id, { groupId: grant.groupId, vendorId: grant.vendor.id, vendorName: grant.vendor.name, startedAt: new Date(now - daysAgo * DAY).toISOString() });
    for (const session of [used(grants.used, 's1', 1), used(grants.usedUnattended, 's2', 10), used(grants.usedUnattended, 's3', 20), used(grants.stale, 's4', 200), used(grants.decidedByHand, 's5', 1)]) {
      core.workspace().repositories.remoteSessions.put(session, session.version);
    }
  }, 90_000);

  afterAll(async () => {
    await call('session.signOut').catch(() => {});
    await core?.close();
    await portal?.close();
  });

  it('reminds at once of a campaign started inside the reminder window, once', async () => {
    const dueDate = localDay(new Date(Date.now() + 3 * DAY));
    const campaign = await call('reviews.start', { name: 'Gjennomgang med anbefalinger', dueDate });
    campaignId = campaign.id;
    expect(shown.map((notification) => notification.tag)).toEqual([`review-reminder:${campaignId}:due-soon`]);
    expect(shown[0]!.title).toContain('«Gjennomgang med anbefalinger» har frist');
    await call('sync.now');
    expect(shown).toHaveLength(1);
  });

  it('recommends from the cached sessions: used within the window kept, the rest removed, the reviewer\'s own decision left alone', async () => {
    await call('reviews.decide', { campaignId, grantId: grants.decidedByHand.id, decision: 'remove' });
    const detail = (await call('reviews.get', { id: campaignId }))!;
    const usage = await call('grants.usage');
    expect(usage.windowDays).toBe(90);
    const plan = planRecommendations(detail.items, usageWindow(usage, new Map(usage.usage.map((grant) => [grant.grantId, grant]))));
    expect(new Set(plan.keep)).toEqual(new Set([grants.used.id, grants.usedUnattended.id]));
    expect(new Set(plan.remove)).toEqual(new Set([grants.stale.id, grants.never.id]));
    expect(plan.justificationRequired).toBe(1);

    // Keeping access without approval needs its reason: nothing is recorded without it.
    await expect(call('reviews.applyRecommendations', { campaignId, keep: plan.keep, remove: plan.remove })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fields: [expect.objectContaining({ path: 'justification', code: 'JUSTIFICATION_REQUIRED' })],
    });
    expect((await call('reviews.get', { id: campaignId }))?.campaign.decidedCount).toBe(1);

    // Even a list naming the decided grant leaves its decision as it is.
    const applied = await call('reviews.applyRecommendations', {
      campaignId,
      keep: [...plan.keep, grants.decidedByHand.id],
      remove: plan.remove,
      justification: '  Vaktavtale, brukt jevnlig  ',
    });
    expect(applied).toEqual({ kept: 2, removed: 2 });
    const after = (await call('reviews.get', { id: campaignId }))!;
    expect(Object.fromEntries(after.items.map((item) => [item.grantId, [item.decision?.decision, item.decision?.justification]]))).toEqual({
      [grants.used.id]: ['keep', null],
      [grants.usedUnattended.id]: ['keep', 'Vaktavtale, brukt jevnlig'],
      [grants.stale.id]: ['remove', null],
      [grants.never.id]: ['remove', null],
      [grants.decidedByHand.id]: ['remove', null],
    });
    // Nothing left undecided: applying again records nothing.
    expect(await call('reviews.applyRecommendations', { campaignId, keep: plan.keep, remove: plan.remove, justification: 'x' })).toEqual({ kept: 0, removed: 0 });
    await expect(call('reviews.applyRecommendations', { campaignId, keep: [grants.never.id], remove: [grants.never.id] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(call('reviews.applyRecommendations', { campaignId, keep: ['g:unknown'], remove: [] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Removals still wait for the final, online step.
    expect((await call('grants.all')).map((grant) => grant.id)).toContain(grants.stale.id);
  });

  it('gives the overdue reminder after the due date, once, and neither again after a restart', async () => {
    clock.advanceTo(new Date(clock.now().getTime() + 5 * DAY));
    expect(shown.map((notification) => notification.tag)).toEqual([`review-reminder:${campaignId}:due-soon`, `review-reminder:${campaignId}:overdue`]);
    // The pushes the decisions asked for have finished: closing does not cut one off.
    await call('sync.now');
    await core.close();
    await startCore();
    expect((await call('session.status')).state).toBe('signed-in');
    clock.advanceTo(new Date(clock.now().getTime() + DAY));
    expect(shown).toHaveLength(2);
  });
});

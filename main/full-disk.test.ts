import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName, ChannelOutput, ParsedInput } from '../common/contract';
import type { Grant, Vendor } from '../common/portal/portal-types';
import type { Result } from '../common/result';
import { AppCore } from './app-core';
import { createHandlers } from './handlers';
import { createDispatcher, type Dispatch } from './ipc/dispatcher';
import { sameOriginPolicy } from './ipc/sender-policy';
import { createFileLogger } from './log/logger';
import { APP_ENTRY_URL } from './protocol/app-url';
import { SettingsStore } from './settings/settings-store';
import { startTestPortal, testSecrets, type TestPortal } from './test-support/portal-fixture';
import { mountSmallDisk, smallDiskUnavailable, type SmallDisk } from './test-support/small-disk';

/**
 * The data folder's disk fills up while the administrator records review decisions. Every call
 * answers DISK_FULL (nothing was saved), the logger (on the same disk) never throws, the app stays
 * up, and once space is freed the next decision is saved — and only that one.
 */
const unavailable = smallDiskUnavailable();

describe.skipIf(unavailable !== undefined)('a full disk', () => {
  let portal: TestPortal;
  let disk: SmallDisk;
  let core: AppCore;
  let dispatch: Dispatch;
  let campaignId = '';
  const grants: Grant[] = [];

  const call = async <C extends ChannelName>(channel: C, ...input: ParsedInput<C> extends undefined ? [] : [ParsedInput<C>]) => {
    const result = (await dispatch(channel, APP_ENTRY_URL, input[0])) as Result<ChannelOutput<C>>;
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.value;
  };

  beforeAll(async () => {
    portal = await startTestPortal({ activationDelayMs: 0, groupSyncDelayMs: 0 });
    disk = mountSmallDisk(8 * 1024);
    const dataDir = join(disk.dir, 'data');
    // Its own profile id, so its keychain entry never meets the other core tests'.
    const settings = new SettingsStore(dataDir);
    settings.saveProfile({ ...portal.profile, id: 'full-disk-test' });
    settings.setActiveProfile('full-disk-test');
    const logger = createFileLogger(join(dataDir, 'logs', 'main.log'));
    core = await AppCore.start({
      config: { version: '0.0.0-test', dataDir, logDir: join(dataDir, 'logs'), demoAtStart: false, platform: process.platform },
      secrets: testSecrets(),
      adapters: { openExternal: portal.openBrowser, chooseSavePath: async (name) => join(mkdtempSync(join(tmpdir(), 'full-disk-save-')), name) },
      events: { emit: () => {} },
      logger,
    });
    dispatch = createDispatcher(createHandlers({ core, events: { emit: () => {} }, now: () => new Date() }), sameOriginPolicy(APP_ENTRY_URL), logger);

    await call('session.signIn');
    await call('sync.now');
    const service = (await call('service.get'))!;
    await call('service.activate', { acceptTerms: true, termsVersion: service.terms.version });
    await call('sync.now');
    const group = (await call('groups.list'))[0]!;
    const vendors: Vendor[] = await call('vendors.search', { query: '', limit: 4 });
    for (const vendor of vendors) grants.push(await call('grants.put', { groupId: group.id, vendorId: vendor.id, mode: 'with_approval' }));
    await call('sync.now');
    campaignId = (await call('reviews.start', { name: 'Full disk', dueDate: '2099-12-31' })).id;
  }, 90_000);

  afterAll(async () => {
    await call('session.signOut').catch(() => {});
    await core?.close();
    disk?.unmount();
    await portal?.close();
  });

  it('answers DISK_FULL for every decision while the disk is full, saves none of them, and stays up', async () => {
    disk.fill();
    for (const grant of grants) {
      const result = await dispatch('reviews.decide', APP_ENTRY_URL, { campaignId, grantId: grant.id, decision: 'keep' });
      expect(result).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
    }
    disk.free();

    expect(await call('reviews.decide', { campaignId, grantId: grants[0]!.id, decision: 'remove' })).toBeTruthy();
    const detail = (await call('reviews.get', { id: campaignId }))!;
    expect(detail.campaign).toMatchObject({ decidedCount: 1, removeCount: 1 });
    expect(detail.items.filter((item) => item.decision).map((item) => [item.grantId, item.decision?.decision])).toEqual([[grants[0]!.id, 'remove']]);
  }, 60_000);
});

if (unavailable) console.log(`[skip] full-disk test: ${unavailable}`);

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName, ChannelOutput, EventName, ParsedInput } from '../../common/contract';
import type { SyncChange } from '../../common/portal/portal-types';
import { AppCore } from '../app-core';
import { syncStateRepository } from '../cache/sync-state-repository';
import { createHandlers } from '../handlers';
import type { Handlers } from '../ipc/handlers-type';
import { createFileLogger } from '../log/logger';
import { SettingsStore } from '../settings/settings-store';
import { applySyncPage } from '../sync/apply-sync-page';
import { startTestPortal, testSecrets, type TestPortal } from '../test-support/portal-fixture';

/**
 * The engine channels through the IPC handlers: the real portal over HTTP (started without a
 * remote-support system, "simulert"), the real keychain and a real SQLite cache file. Such a portal has no
 * machines and no drift, so those arrive here as sync pages applied to the same cache the handlers read.
 */
describe('the remote-support system in the app: status, machines and access outside the portal', () => {
  let portal: TestPortal;
  let core: AppCore;
  let handlers: Handlers;
  const events: EventName[] = [];

  const call = <C extends ChannelName>(channel: C, ...input: ParsedInput<C> extends undefined ? [] : [ParsedInput<C>]): Promise<ChannelOutput<C>> =>
    (handlers[channel] as (input?: unknown) => Promise<ChannelOutput<C>>)(input[0]);

  /** A page as the portal's feed would send it, at the cache's own cursor so the next real sync misses nothing. */
  const feed = (changes: SyncChange[]) => {
    const workspace = core.workspace();
    const state = syncStateRepository(workspace.db);
    applySyncPage(workspace.db, workspace.repositories, state, { cursor: state.get().cursor, hasMore: false, changes });
  };

  beforeAll(async () => {
    portal = await startTestPortal({ activationDelayMs: 0, groupSyncDelayMs: 0 });
    const dataDir = mkdtempSync(join(tmpdir(), 'engine-handlers-data-'));
    const settings = new SettingsStore(dataDir);
    settings.saveProfile({ ...portal.profile, id: 'engine-handlers-test' });
    settings.setActiveProfile('engine-handlers-test');
    const sink = { emit: (event: EventName) => void events.push(event) };
    core = await AppCore.start({
      config: { version: '0.0.0-test', dataDir, logDir: join(dataDir, 'logs'), demoAtStart: false, platform: process.platform },
      secrets: testSecrets(),
      adapters: { openExternal: portal.openBrowser, chooseSavePath: async (name) => join(dataDir, name) },
      events: sink,
      logger: createFileLogger(join(dataDir, 'logs', 'main.log')),
    });
    handlers = createHandlers({ core, events: sink, now: () => new Date() });
    await call('session.signIn');
    await call('sync.now');
  }, 90_000);

  afterAll(async () => {
    await call('session.signOut').catch(() => {});
    await core?.close();
    await portal?.close();
  });

  it('keeps what the portal drives after each sync: here no real system, "simulert"', async () => {
    const cached = await call('engine.status');
    expect(cached).toMatchObject({ status: { kind: 'none', label: 'simulert', simulated: true, pendingChanges: 0 }, fetchedAt: expect.any(String) });
    await call('sync.now');
    expect(Date.parse((await call('engine.status'))!.fetchedAt)).toBeGreaterThanOrEqual(Date.parse(cached!.fetchedAt));
  });

  it('lists a group\'s machines from the cache, and forgets them on their tombstones', async () => {
    const device = (id: string, groupId: string, name: string) => ({ id, groupId, name, os: 'Windows 11', online: false, lastSeenAt: null, version: 1 });
    feed([
      { type: 'device', op: 'put', id: 'node//b', version: 1, data: device('node//b', 'g-a', 'Sykepleie-02') },
      { type: 'device', op: 'put', id: 'node//a', version: 1, data: device('node//a', 'g-a', 'Ekspedisjon-01') },
      { type: 'device', op: 'put', id: 'node//c', version: 1, data: device('node//c', 'g-b', 'Lab-01') },
    ]);
    expect((await call('groups.devices', { groupId: 'g-a' })).map((item) => item.name)).toEqual(['Ekspedisjon-01', 'Sykepleie-02']);
    feed([{ type: 'device', op: 'delete', id: 'node//a', version: 2 }]);
    expect((await call('groups.devices', { groupId: 'g-a' })).map((item) => item.id)).toEqual(['node//b']);
    // The real sync that follows leaves what the feed said.
    await call('sync.now');
    expect((await call('groups.devices', { groupId: 'g-b' })).map((item) => item.id)).toEqual(['node//c']);
  });

  it('removing access the portal does not know of leaves the cache as it was, online (NOT_FOUND) and offline (OFFLINE)', async () => {
    feed([
      {
        type: 'engineFinding',
        op: 'put',
        id: 'f-1',
        version: 1,
        data: { id: 'f-1', groupId: 'g-a', subjectKind: 'userGroup', subjectName: 'Eksterne', consentRequired: false, foundAt: '2026-02-01T08:00:00.000Z', version: 1 },
      },
    ]);
    expect((await call('engine.findings')).map((item) => item.subjectName)).toEqual(['Eksterne']);
    events.length = 0;
    await expect(call('engine.removeFinding', { id: 'f-1' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(events).not.toContain('cache.changed');
    expect((await call('engine.findings')).map((item) => item.id)).toEqual(['f-1']);

    const before = await call('engine.status');
    await portal.stop();
    try {
      await expect(call('engine.removeFinding', { id: 'f-1' })).rejects.toMatchObject({ code: 'OFFLINE' });
      expect((await call('engine.findings')).map((item) => item.id)).toEqual(['f-1']);
      // Offline, the app still says what the portal drives, as of when it last heard.
      await call('sync.now');
      expect(await call('engine.status')).toEqual(before);
    } finally {
      await portal.restart();
    }
    feed([{ type: 'engineFinding', op: 'delete', id: 'f-1', version: 2 }]);
    expect(await call('engine.findings')).toEqual([]);
  });
});

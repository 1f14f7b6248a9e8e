import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName, ChannelOutput, EventName, ParsedInput } from '../../common/contract';
import type { User } from '../../common/portal/portal-types';
import { DEMO_ADMIN } from '../../server/seed/demo-credentials';
import { AppCore } from '../app-core';
import { createHandlers } from '../handlers';
import type { Handlers } from '../ipc/handlers-type';
import { createFileLogger } from '../log/logger';
import { SettingsStore } from '../settings/settings-store';
import { startTestPortal, testSecrets, type TestPortal } from '../test-support/portal-fixture';

/**
 * Deactivate, reactivate and delete through the IPC handlers: the real portal over HTTP, the real
 * keychain and a real SQLite cache file. Each answer lands in the cache at once (and survives the sync
 * that follows); the portal's refusals reach the renderer with their own codes.
 */
describe('deactivating, reactivating and deleting a user from the app', () => {
  let portal: TestPortal;
  let core: AppCore;
  let handlers: Handlers;
  const events: EventName[] = [];

  const call = <C extends ChannelName>(channel: C, ...input: ParsedInput<C> extends undefined ? [] : [ParsedInput<C>]): Promise<ChannelOutput<C>> =>
    (handlers[channel] as (input?: unknown) => Promise<ChannelOutput<C>>)(input[0]);

  /** The user as the screen shows it once the cache has synced (the portal's engine may have moved its version on). */
  const shown = async (user: User): Promise<User> => {
    await call('sync.now');
    return (await call('users.get', { id: user.id }))!;
  };

  beforeAll(async () => {
    portal = await startTestPortal({ activationDelayMs: 0, groupSyncDelayMs: 0 });
    const dataDir = mkdtempSync(join(tmpdir(), 'user-lifecycle-data-'));
    const settings = new SettingsStore(dataDir);
    // Its own profile id, so its keychain entry never meets the other core tests' entries.
    settings.saveProfile({ ...portal.profile, id: 'user-lifecycle-test' });
    settings.setActiveProfile('user-lifecycle-test');
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
    const service = (await call('service.get'))!;
    await call('service.activate', { acceptTerms: true, termsVersion: service.terms.version });
    await call('sync.now');
  }, 90_000);

  afterAll(async () => {
    await call('session.signOut').catch(() => {});
    await core?.close();
    await portal?.close();
  });

  it('deactivates and reactivates with the shown version, keeping the cache and the list in step', async () => {
    const created = await shown(await call('users.create', { firstName: 'Tor', lastName: 'Tekniker', email: 'tor@vendor.example', mobile: '91234567', twoFactor: 'totp' }));
    events.length = 0;
    const deactivated = await call('users.deactivate', { id: created.id, version: created.version });
    expect(deactivated).toMatchObject({ id: created.id, status: 'deactivated', deactivatedAt: expect.any(String) });
    expect(events).toContain('cache.changed');
    expect(await call('users.get', { id: created.id })).toMatchObject({ status: 'deactivated', version: deactivated.version });
    await call('sync.now');
    expect((await call('users.list')).find((user) => user.id === created.id)).toMatchObject({ status: 'deactivated' });

    // An old copy is refused by the portal, with the code the screen explains.
    await expect(call('users.reactivate', { id: created.id, version: created.version })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await expect(call('users.sendOneTimePassword', { id: created.id })).rejects.toMatchObject({ code: 'USER_DEACTIVATED' });
    const reactivated = await call('users.reactivate', { id: created.id, version: (await shown(deactivated)).version });
    expect(reactivated).toMatchObject({ status: 'active', deactivatedAt: null });
    expect(await call('users.get', { id: created.id })).toMatchObject({ status: 'active' });
  });

  it('lists each user with what the list shows and searches; the user itself has the rest', async () => {
    const listed = (await call('users.list')).find((user) => user.username === DEMO_ADMIN.username)!;
    expect(Object.keys(listed).sort()).toEqual(['email', 'engineStatus', 'firstName', 'id', 'lastName', 'mobile', 'roles', 'status', 'twoFactor', 'username']);
    const user = (await call('users.get', { id: listed.id }))!;
    expect(user).toMatchObject(listed);
    expect(user).toHaveProperty('version');
    expect(user).toHaveProperty('createdAt');
  });

  it('refuses to deactivate or delete the signed-in administrator, saying why', async () => {
    const listed = (await call('users.list')).find((user) => user.username === DEMO_ADMIN.username)!;
    const me = (await call('users.get', { id: listed.id }))!;
    await expect(call('users.deactivate', { id: me.id, version: me.version })).rejects.toMatchObject({ code: 'CANNOT_DEACTIVATE_SELF' });
    await expect(call('users.delete', { id: me.id, version: me.version })).rejects.toMatchObject({ code: 'CANNOT_DELETE_SELF' });
    expect(await call('users.get', { id: me.id })).toMatchObject({ status: 'active' });
  });

  it('deletes a user: gone from the cache at once and after the sync, still named in the audit log', async () => {
    const created = await shown(await call('users.create', { firstName: 'Siri', lastName: 'Sluttet', email: 'siri@vendor.example', mobile: '91234568', twoFactor: 'totp' }));
    expect(await call('users.delete', { id: created.id, version: created.version })).toBeNull();
    expect(await call('users.get', { id: created.id })).toBeNull();
    await call('sync.now');
    expect(await call('users.get', { id: created.id })).toBeNull();
    expect((await call('users.list')).map((user) => user.id)).not.toContain(created.id);
    const audit = (await call('audit.list', { limit: 1000 })).filter((event) => event.objectId === created.id);
    expect(audit.map((event) => event.action).sort()).toEqual(['user.created', 'user.deleted']);
    expect(audit.find((event) => event.action === 'user.deleted')).toMatchObject({ objectNames: { user: created.username, person: 'Siri Sluttet' } });
    await expect(call('users.delete', { id: created.id, version: created.version })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

import { mkdtempSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChannelName, ChannelOutput, ParsedInput } from '../common/contract';
import { AppCore } from './app-core';
import type { AppConfig } from './app-config';
import type * as DemoPortalModule from './demo/demo-portal';
import { startDemoPortal } from './demo/demo-portal';
import { createHandlers } from './handlers';
import type { Handlers } from './ipc/handlers-type';
import { createFileLogger } from './log/logger';
import { MemorySecretStore } from './secrets/memory-secret-store';
import { SettingsStore } from './settings/settings-store';

vi.mock('./demo/demo-portal', async (importOriginal) => {
  const original = await importOriginal<typeof DemoPortalModule>();
  return { ...original, startDemoPortal: vi.fn(original.startDemoPortal) };
});

const ownPortal = { id: 'own', name: 'Helse Vest', portalUrl: 'https://portal.example.no', issuer: 'https://portal.example.no/oidc', clientId: 'fjernhjelp-admin' };

/** A port nothing listens on, so "the demo port" of each test is its own (parallel runs hold 47831). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('demo portal on request', () => {
  let dataDir: string;
  let demoPort: number;
  let core: AppCore | undefined;
  let handlers: Handlers;

  const start = async (demoAtStart: boolean): Promise<AppCore> => {
    const config: AppConfig = { version: '0.0.0-test', dataDir, logDir: join(dataDir, 'logs'), demoAtStart, platform: process.platform };
    core = await AppCore.start({
      config,
      secrets: new MemorySecretStore(),
      adapters: { openExternal: async () => {}, chooseSavePath: async () => undefined },
      events: { emit: () => {} },
      logger: createFileLogger(join(dataDir, 'logs', 'main.log')),
      demoPortal: { port: demoPort, activationDelayMs: 0, groupSyncDelayMs: 0 },
    });
    handlers = createHandlers({ core, events: { emit: () => {} }, now: () => new Date() });
    return core;
  };
  const call = <C extends ChannelName>(channel: C, ...input: ParsedInput<C> extends undefined ? [] : [ParsedInput<C>]): Promise<ChannelOutput<C>> =>
    (handlers[channel] as (input?: unknown) => Promise<ChannelOutput<C>>)(input[0]);

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'core-demo-'));
    demoPort = await freePort();
    vi.mocked(startDemoPortal).mockClear();
  });

  afterEach(async () => {
    await core?.close();
    core = undefined;
  });

  it('started without the demo, lands on the portal choice: no profile, no demo profile, nothing on the demo port', async () => {
    await start(false);
    expect(startDemoPortal).not.toHaveBeenCalled();
    expect(await listening(demoPort)).toBe(false);
    expect(await call('profiles.list')).toEqual({ profiles: [], activeId: null });
    expect(await call('session.status')).toEqual({ state: 'signed-out', profile: null, account: null, cacheRecovery: null });
    expect(await call('app.info')).toMatchObject({ demoRunning: false });
    await expect(call('session.signIn')).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });
    await expect(call('profiles.select', { id: 'demo' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('"Prøv demo" starts the demo portal and opens its profile', async () => {
    await start(false);
    const status = await call('app.startDemo');
    expect(status).toMatchObject({ state: 'signed-out', profile: { id: 'demo', demo: true, portalUrl: `http://127.0.0.1:${demoPort}` }, account: null });
    expect(await listening(demoPort)).toBe(true);
    expect(await call('app.info')).toMatchObject({ demoRunning: true });
    expect(await call('profiles.list')).toMatchObject({ profiles: [{ id: 'demo', demo: true }], activeId: 'demo' });
    expect(await call('session.status')).toEqual(status);
  });

  it('starts the demo portal once, even when asked twice at the same time', async () => {
    await start(false);
    const [first, second] = await Promise.all([call('app.startDemo'), call('app.startDemo')]);
    expect(first).toEqual(second);
    expect(startDemoPortal).toHaveBeenCalledTimes(1);
    expect(await call('app.startDemo')).toEqual(first);
    expect(startDemoPortal).toHaveBeenCalledTimes(1);
    expect((await call('profiles.list')).profiles.filter((profile) => profile.demo)).toHaveLength(1);
  });

  it('lists the demo after the portals the user added, and only while it runs', async () => {
    new SettingsStore(dataDir).saveProfile(ownPortal);
    await start(false);
    expect(await call('profiles.list')).toEqual({ profiles: [{ id: 'own', name: 'Helse Vest', portalUrl: ownPortal.portalUrl, demo: false }], activeId: 'own' });
    await call('app.startDemo');
    expect((await call('profiles.list')).profiles.map((profile) => profile.id)).toEqual(['own', 'demo']);
    // Back to the user's own portal: the demo keeps running (and listed) until the app closes.
    expect((await call('profiles.select', { id: 'own' })).profile).toMatchObject({ id: 'own', demo: false });
    expect((await call('profiles.list')).profiles.map((profile) => profile.id)).toEqual(['own', 'demo']);
  });

  it('with the demo at start (npm start, --demo) runs it at once, still after saved portals, and startDemo does not start another', async () => {
    new SettingsStore(dataDir).saveProfile(ownPortal);
    await start(true);
    expect(startDemoPortal).toHaveBeenCalledTimes(1);
    expect(await listening(demoPort)).toBe(true);
    expect(await call('app.info')).toMatchObject({ demoRunning: true });
    expect((await call('profiles.list')).profiles.map((profile) => profile.id)).toEqual(['own', 'demo']);
    expect((await call('app.startDemo')).profile).toMatchObject({ id: 'demo' });
    expect(startDemoPortal).toHaveBeenCalledTimes(1);
  });

  it('opens the first own portal when the demo was last used but is not running now', async () => {
    const settings = new SettingsStore(dataDir);
    settings.saveProfile(ownPortal);
    settings.setActiveProfile('demo');
    await start(false);
    expect((await call('session.status')).profile).toMatchObject({ id: 'own' });
  });

  it('remembers the demo as the last used profile: the next start with the demo opens it', async () => {
    await start(false);
    await call('app.startDemo');
    await core!.close();
    await start(true);
    expect((await call('session.status')).profile).toMatchObject({ id: 'demo' });
  });

  it('a demo portal that cannot start is a DEMO_UNAVAILABLE error, the app still opens, and "Prøv demo" can try again', async () => {
    vi.mocked(startDemoPortal).mockRejectedValueOnce(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
    await start(true);
    expect(await call('app.info')).toMatchObject({ demoRunning: false });
    expect(await call('session.status')).toMatchObject({ profile: null });
    vi.mocked(startDemoPortal).mockRejectedValueOnce(new Error('disk full'));
    await expect(call('app.startDemo')).rejects.toMatchObject({ name: 'PortalError', code: 'DEMO_UNAVAILABLE' });
    expect((await call('app.startDemo')).profile).toMatchObject({ id: 'demo' });
    expect(startDemoPortal).toHaveBeenCalledTimes(3);
  });

  it('close() stops the demo portal, also one still starting', async () => {
    await start(false);
    await call('app.startDemo');
    expect(await listening(demoPort)).toBe(true);
    await core!.close();
    core = undefined;
    expect(await listening(demoPort)).toBe(false);

    demoPort = await freePort();
    await start(false);
    const starting = call('app.startDemo').catch((error: unknown) => error);
    await core!.close();
    core = undefined;
    await starting;
    expect(await listening(demoPort)).toBe(false);
  });
});

import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../common/contract';
import type { Result } from '../common/result';
import { DEMO_PROFILE_ID } from '../main/auth/profile';
import { DEMO_PORT } from '../main/demo/demo-portal';
import { APP_ENTRY_URL } from '../main/protocol/app-url';
import { CONTENT_SECURITY_POLICY } from '../main/protocol/content-security-policy';
import { builtBundles } from './built-output';
import { StandInApp, type StandInRecord } from './stand-in-app';

/**
 * The BUILT main bundle (what Electron loads) run under plain Node with a recording stand-in for the
 * `electron` module. This proves the bundle loads and is wired as the architecture says; it does not
 * prove Electron itself, which the Electron e2e project does where the binary exists.
 */

type Menu = Array<{ label?: string; role?: string; submenu?: Menu }>;

const flatten = (menu: Menu): Menu => menu.flatMap((item) => [item, ...flatten(item.submenu ?? [])]);
const menuRoles = (entry: StandInRecord) => flatten(entry['template'] as Menu).map((item) => item.role);
const topLabels = (entry: StandInRecord) => (entry['template'] as Menu).map((item) => item.label);

function logEvents(app: StandInApp): Array<Record<string, unknown>> {
  const file = join(app.logDir, 'main.log');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Start-up has finished (main logs `app.ready` last) without the "could not start" error box. */
async function started(app: StandInApp): Promise<void> {
  await app.waitFor('window.loadURL');
  await vi.waitFor(
    () => {
      if (!logEvents(app).some((line) => line['event'] === 'app.ready') && app.all('app.exit').length === 0) throw new Error('starting');
    },
    { timeout: 30_000, interval: 50 },
  );
  if (app.all('dialog.showErrorBox').length > 0) throw new Error(`main could not start: ${JSON.stringify(app.all('dialog.showErrorBox'))}`);
}

function portOpen(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

const invoke = <T>(app: StandInApp, channel: string, input?: unknown, senderUrl = APP_ENTRY_URL) =>
  app.request<Result<T>>('invoke', { channel, input, senderUrl });

describe('the built main bundle, run from the repository (not packaged)', () => {
  let app: StandInApp;
  const subject = `stand-in-${randomUUID()}`;

  beforeAll(async () => {
    // A remembered subject makes start-up ask the OS keychain for its refresh token: keytar must answer.
    app = StandInApp.launch({ packaged: false, settings: { subjects: { [DEMO_PROFILE_ID]: subject } } });
    await started(app);
  });

  afterAll(() => app.kill());

  it('registers the app:// scheme as privileged (its compiled scripts cached between starts) and enables the sandbox before ready', () => {
    const scheme = app.all('protocol.registerSchemesAsPrivileged')[0]!;
    expect(scheme['schemes']).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, codeCache: true }) }]);
    expect(scheme['ready']).toBe(false);
    expect(app.all('app.enableSandbox')[0]!['ready']).toBe(false);
    expect(app.indexOf('app.requestSingleInstanceLock')).toBeLessThan(app.indexOf('app.ready'));
  });

  it('registers exactly the contract channels, each through the one wrapper', async () => {
    const registered = app.all('ipcMain.handle').map((entry) => entry['channel']);
    expect([...registered].sort()).toEqual([...channelNames].sort());
    expect(app.all('ipcMain.on')).toEqual([]);

    const info = await invoke<{ version: string }>(app, 'app.info');
    expect(info).toMatchObject({ ok: true, value: { version: expect.any(String) } });
    expect(await invoke(app, 'app.info', undefined, 'https://evil.example/index.html')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
    expect(await invoke(app, 'app.ping', { nonce: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('creates the window with the hardened options and loads the app:// entry', () => {
    const [window] = app.all('BrowserWindow.new');
    const options = window!['options'] as { webPreferences: Record<string, unknown>; minWidth: number };
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: true,
    });
    expect(options.webPreferences['preload']).toBe(builtBundles.preload);
    expect(existsSync(options.webPreferences['preload'] as string)).toBe(true);
    expect(app.all('window.loadURL').map((entry) => entry['url'])).toEqual([APP_ENTRY_URL]);
    expect(app.all('webContents.setWindowOpenHandler')[0]).toMatchObject({ denies: true });
    expect(app.all('session.setPermissionRequestHandler')[0]).toMatchObject({ grantsMedia: false });
    expect(app.all('session.setPermissionCheckHandler')[0]).toMatchObject({ grantsMedia: false });
  });

  it('serves index.html with the CSP through the protocol handler, and nothing outside the renderer', async () => {
    type Answer = { status: number; headers: Record<string, string>; body: string };
    const index = await app.request<Answer>('fetch', { url: APP_ENTRY_URL });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(index.body).toContain('<div id="root">');
    expect((await app.request<Answer>('fetch', { url: 'app://elsewhere/index.html' })).status).toBe(404);
    expect((await app.request<Answer>('fetch', { url: 'app://fjernhjelp/..%2F..%2Fpackage.json' })).status).not.toBe(200);
  });

  it('starts AppCore with the real native modules: better-sqlite3 from its Node-API prebuild, keytar answering', async () => {
    expect(await invoke(app, 'session.status')).toMatchObject({ ok: true, value: { state: 'signed-out' } });
    const addons = await app.request<string[]>('nativeAddons');
    expect(addons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/better-sqlite3[\\/]prebuilds[\\/](linux|linuxmusl|darwin|win32)-(x64|arm64)\.node$/),
        expect.stringMatching(/keytar[\\/]build[\\/]Release[\\/]keytar\.node$/),
      ]),
    );
    // The keychain was asked (and had nothing for this subject): no restore failure in the log.
    expect(logEvents(app).filter((line) => line['event'] === 'session.restore-failed')).toEqual([]);
  });

  it('installs its own menu (Reload and Developer Tools only here) and follows the window language', async () => {
    const [first] = app.all('Menu.setApplicationMenu');
    expect(topLabels(first!)).toEqual(['Fil', 'Rediger', 'Vis', 'Vindu', 'Hjelp']);
    expect(menuRoles(first!)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(await invoke(app, 'app.setLanguage', { language: 'en' })).toEqual({ ok: true, value: null });
    expect(topLabels(app.all('Menu.setApplicationMenu').at(-1)!)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('holds the quit until the core has closed: the demo portal stopped, the cache closed cleanly', async () => {
    const profiles = await invoke<{ profiles: Array<{ id: string; portalUrl: string }> }>(app, 'profiles.list');
    if (!profiles.ok) throw new Error(JSON.stringify(profiles));
    const demo = profiles.value.profiles.find((profile) => profile.id === DEMO_PROFILE_ID)!;
    expect(await portOpen(demo.portalUrl)).toBe(true);
    const cacheFile = join(app.dataDir, 'cache', `${DEMO_PROFILE_ID}.sqlite`);
    expect(existsSync(`${cacheFile}-wal`)).toBe(true);

    await app.request('quit');
    expect(await app.exited).toEqual({ code: 0, signal: null });

    expect(app.indexOf('app.quit-prevented')).toBeGreaterThan(-1);
    expect(app.indexOf('app.quit-prevented')).toBeLessThan(app.indexOf('app.quit'));
    const closed = logEvents(app).find((line) => line['event'] === 'app.closed');
    expect(closed).toMatchObject({ outcome: 'closed', reason: 'quit' });
    // SQLite removes the write-ahead log when the last connection closes cleanly.
    expect(existsSync(`${cacheFile}-wal`)).toBe(false);
    expect(await portOpen(demo.portalUrl)).toBe(false);
  });
});

describe('the built main bundle, as an installed app (packaged)', () => {
  let app: StandInApp;

  beforeAll(async () => {
    app = StandInApp.launch({ packaged: true });
    await started(app);
  });

  afterAll(() => app.kill());

  it('turns developer tools off and offers neither Reload nor Developer Tools in its menu', () => {
    const options = app.all('BrowserWindow.new')[0]!['options'] as { webPreferences: Record<string, unknown> };
    expect(options.webPreferences['devTools']).toBe(false);
    for (const menu of app.all('Menu.setApplicationMenu')) {
      expect(menuRoles(menu)).not.toEqual(expect.arrayContaining([expect.stringMatching(/reload|devtools/i)]));
    }
  });

  it('does not start the demo portal: no profile yet, so the user chooses a portal or "Prøv demo"', async () => {
    expect(await invoke(app, 'profiles.list')).toEqual({ ok: true, value: { profiles: [], activeId: null } });
    expect(await invoke(app, 'app.info')).toMatchObject({ ok: true, value: { demoRunning: false } });
    expect(await portOpen(`http://127.0.0.1:${DEMO_PORT}/`)).toBe(false);
  });

  it('quits when its last window closes (not on macOS), saving the window state first', async () => {
    await app.request('closeWindow');
    expect(await app.exited).toEqual({ code: 0, signal: null });
    expect(JSON.parse(readFileSync(join(app.dataDir, 'window-state.json'), 'utf8'))).toMatchObject({
      bounds: { width: 1280, height: 840 },
      maximized: false,
    });
    expect(logEvents(app).find((line) => line['event'] === 'app.closed')).toMatchObject({ outcome: 'closed' });
  });
});

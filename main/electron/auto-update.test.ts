import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppUpdater } from 'electron-updater';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../log/memory-logger';
import { startAutoUpdate, type AutoUpdateOptions } from './auto-update';

/** What startAutoUpdate uses of electron-updater's autoUpdater. */
class FakeUpdater extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  allowDowngrade = true;
  allowPrerelease = true;
  logger: unknown = console;
  checks = 0;
  checkResult: () => Promise<unknown> = async () => null;
  checkForUpdates(): Promise<unknown> {
    this.checks += 1;
    return this.checkResult();
  }
}

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function installDir(files: { updateConfig?: boolean; uninstaller?: boolean } = {}): { resourcesPath: string; execPath: string } {
  const root = mkdtempSync(join(tmpdir(), 'auto-update-'));
  roots.push(root);
  const resourcesPath = join(root, 'resources');
  mkdirSync(resourcesPath);
  if (files.updateConfig) writeFileSync(join(resourcesPath, 'app-update.yml'), 'provider: generic\nurl: https://updates.example.no/\n');
  if (files.uninstaller) writeFileSync(join(root, 'Uninstall Fjernhjelp Admin.exe'), '');
  return { resourcesPath, execPath: join(root, 'Fjernhjelp Admin.exe') };
}

describe('startAutoUpdate', () => {
  let updater: FakeUpdater;
  let logger: ReturnType<typeof createMemoryLogger>;
  let loadUpdater: ReturnType<typeof vi.fn<() => Promise<AppUpdater>>>;

  const start = (overrides: Partial<AutoUpdateOptions>, files = { updateConfig: true, uninstaller: true }) =>
    startAutoUpdate({ packaged: true, platform: 'win32', env: {}, logger, loadUpdater, ...installDir(files), ...overrides });

  beforeEach(() => {
    vi.useFakeTimers();
    updater = new FakeUpdater();
    logger = createMemoryLogger();
    loadUpdater = vi.fn(async () => updater as unknown as AppUpdater);
  });
  afterEach(() => vi.useRealTimers());

  it.each<[string, Partial<AutoUpdateOptions>, { updateConfig: boolean; uninstaller: boolean }]>([
    ['unpackaged', { packaged: false }, { updateConfig: true, uninstaller: true }],
    ['built without a feed', {}, { updateConfig: false, uninstaller: true }],
    ['an MSI install (no NSIS uninstaller)', {}, { updateConfig: true, uninstaller: false }],
    ['a deb install', { platform: 'linux', env: {} }, { updateConfig: true, uninstaller: false }],
  ])('does nothing and never loads electron-updater when %s', async (_name, overrides, files) => {
    expect(start(overrides, files)).toBeUndefined();
    await vi.runAllTimersAsync();
    expect(loadUpdater).not.toHaveBeenCalled();
    expect(logger.entries).toEqual([expect.objectContaining({ level: 'info', event: 'update.off' })]);
  });

  it('checks at start and then every interval, downloads in the background and installs on quit', async () => {
    const handle = start({ intervalMs: 1000 });
    expect(handle).toBeDefined();
    await vi.advanceTimersByTimeAsync(0);
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true, allowDowngrade: false, allowPrerelease: false, checks: 1 });
    expect(updater.logger).not.toBe(console);
    await vi.advanceTimersByTimeAsync(2500);
    expect(updater.checks).toBe(3);
    handle?.dispose();
    await vi.advanceTimersByTimeAsync(5000);
    expect(updater.checks).toBe(3);
  });

  it('runs on macOS and from an AppImage', async () => {
    start({ platform: 'darwin' }, { updateConfig: true, uninstaller: false });
    start({ platform: 'linux', env: { APPIMAGE: '/opt/Fjernhjelp.AppImage' } }, { updateConfig: true, uninstaller: false });
    await vi.advanceTimersByTimeAsync(0);
    expect(loadUpdater).toHaveBeenCalledTimes(2);
  });

  it('stops checking once an update is downloaded', async () => {
    start({ intervalMs: 1000 });
    await vi.advanceTimersByTimeAsync(0);
    updater.emit('update-downloaded', { version: '0.2.0' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(updater.checks).toBe(1);
    expect(logger.entries).toContainEqual(expect.objectContaining({ event: 'update.downloaded', fields: expect.objectContaining({ version: '0.2.0' }) }));
  });

  it('logs errors (first line only, never response headers) and does not throw', async () => {
    updater.checkResult = () => Promise.reject(new Error('HttpError: 503 Service Unavailable\nHeaders: {"set-cookie":"session=abc"}'));
    start({ intervalMs: 1000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(() => updater.emit('error', new Error('download failed\nHeaders: {"set-cookie":"x"}'))).not.toThrow();
    const errors = logger.entries.filter((entry) => entry.level === 'error');
    expect(errors.map((entry) => entry.event)).toEqual(['update.check-failed', 'update.error']);
    expect(JSON.stringify(errors)).not.toContain('set-cookie');
  });

  it('keeps an error listener after dispose, so a late error cannot crash the app', async () => {
    start({})?.dispose();
    const late = start({});
    await vi.advanceTimersByTimeAsync(0);
    late?.dispose();
    expect(() => updater.emit('error', new Error('late'))).not.toThrow();
  });

  it('logs that electron-updater could not be loaded, and does not throw', async () => {
    loadUpdater.mockRejectedValue(new Error('Cannot find module electron-updater'));
    expect(() => start({})).not.toThrow();
    await vi.advanceTimersByTimeAsync(0);
    expect(logger.entries).toContainEqual(expect.objectContaining({ level: 'error', event: 'update.unavailable' }));
  });

  it('disposed before electron-updater has loaded: never checks', async () => {
    start({})?.dispose();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(updater.checks).toBe(0);
  });
});

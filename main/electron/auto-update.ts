import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AppUpdater, Logger as UpdaterLogger, UpdateInfo } from 'electron-updater';
import type { Logger } from '../log/logger';
import { decideAutoUpdate, UPDATE_CHECK_INTERVAL_MS, UPDATE_CONFIG_FILE } from '../update/update-policy';

export interface AutoUpdateOptions {
  /** app.isPackaged */
  packaged: boolean;
  /** process.resourcesPath: where electron-builder put app-update.yml when a feed was configured. */
  resourcesPath: string;
  /** process.execPath: the NSIS uninstaller sits next to it on an NSIS install. */
  execPath: string;
  logger: Logger;
  platform?: NodeJS.Platform;
  env?: Readonly<Record<string, string | undefined>>;
  intervalMs?: number;
  /** Tests only: a stand-in for electron-updater's autoUpdater. */
  loadUpdater?: () => Promise<AppUpdater>;
}

export interface AutoUpdate {
  dispose(): void;
}

async function loadElectronUpdater(): Promise<AppUpdater> {
  // Imported here, not at the top: an app built without a feed never loads electron-updater.
  const updaterModule: { autoUpdater?: AppUpdater; default?: { autoUpdater?: AppUpdater } } = await import('electron-updater');
  const updater = updaterModule.autoUpdater ?? updaterModule.default?.autoUpdater;
  if (!updater) throw new Error('electron-updater has no autoUpdater');
  return updater;
}

function hasNsisUninstaller(execPath: string): boolean {
  try {
    return readdirSync(dirname(execPath)).some((name) => /^Uninstall .+\.exe$/i.test(name));
  } catch {
    return false;
  }
}

/**
 * electron-updater's messages can carry an HTTP response's headers after the first line (HttpError):
 * only the first line is logged.
 */
function firstLine(value: unknown): string {
  const text = value instanceof Error ? value.message : String(value);
  return (text.split('\n', 1)[0] ?? '').slice(0, 300);
}

/**
 * Checks the build-time feed when the app starts and every few hours, downloads an update in the
 * background and installs it when the app quits. Does nothing (returns undefined) unless the app is
 * packaged, was built with a feed, and is an install electron-updater can replace (see
 * decideAutoUpdate). Errors are logged, never thrown.
 */
export function startAutoUpdate(options: AutoUpdateOptions): AutoUpdate | undefined {
  const { logger, platform = process.platform, env = process.env } = options;
  const decision = decideAutoUpdate({
    packaged: options.packaged,
    platform,
    hasUpdateConfig: existsSync(join(options.resourcesPath, UPDATE_CONFIG_FILE)),
    hasNsisUninstaller: platform === 'win32' && hasNsisUninstaller(options.execPath),
    runsAsAppImage: Boolean(env.APPIMAGE),
  });
  if (!decision.enabled) {
    logger.info('update.off', { reason: decision.reason });
    return undefined;
  }

  let disposed = false;
  let timer: NodeJS.Timeout | undefined;
  let updater: AppUpdater | undefined;
  const stopChecking = (): void => {
    if (timer) clearInterval(timer);
    timer = undefined;
  };

  const onError = (error: Error): void => logger.error('update.error', { message: firstLine(error) });
  const onAvailable = (info: UpdateInfo): void => logger.info('update.available', { version: info.version });
  const onDownloaded = (info: UpdateInfo): void => {
    logger.info('update.downloaded', { version: info.version, installs: 'on quit' });
    // It installs when the app quits; checking again until then would only find the same version.
    stopChecking();
  };
  const check = (): void => {
    const current = updater;
    if (!current || disposed) return;
    logger.info('update.check');
    void Promise.resolve()
      .then(() => current.checkForUpdates())
      .catch((error: unknown) => logger.error('update.check-failed', { message: firstLine(error) }));
  };

  void (options.loadUpdater ?? loadElectronUpdater)()
    .then((loaded) => {
      if (disposed) return;
      updater = loaded;
      const quiet: UpdaterLogger = {
        info: () => undefined,
        warn: (message: unknown) => logger.warn('update.updater', { message: firstLine(message) }),
        error: (message: unknown) => logger.error('update.updater', { message: firstLine(message) }),
      };
      loaded.logger = quiet;
      loaded.autoDownload = true;
      loaded.autoInstallOnAppQuit = true;
      loaded.allowDowngrade = false;
      loaded.allowPrerelease = false;
      loaded.on('error', onError);
      loaded.on('update-available', onAvailable);
      loaded.on('update-downloaded', onDownloaded);
      check();
      timer = setInterval(check, options.intervalMs ?? UPDATE_CHECK_INTERVAL_MS);
      timer.unref();
    })
    .catch((error: unknown) => logger.error('update.unavailable', { message: firstLine(error) }));

  return {
    dispose() {
      disposed = true;
      stopChecking();
      // The error listener stays: a download still in flight may emit 'error', and an EventEmitter
      // with no 'error' listener throws it.
      updater?.off('update-available', onAvailable);
      updater?.off('update-downloaded', onDownloaded);
    },
  };
}

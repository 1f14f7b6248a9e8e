import { app, dialog, Menu, powerMonitor, protocol, session, shell, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UiLanguage } from '../../common/contract';
import { demoAtStart, type AppConfig } from '../app-config';
import { AppCore } from '../app-core';
import { createHandlers } from '../handlers';
import { mainTexts } from '../i18n/main-texts';
import { createDispatcher } from '../ipc/dispatcher';
import { sameOriginPolicy } from '../ipc/sender-policy';
import { createQuitGuard } from '../lifecycle/quit-guard';
import { createFileLogger } from '../log/logger';
import { APP_ENTRY_URL, APP_HOST, APP_SCHEME } from '../protocol/app-url';
import { createStaticResponder } from '../protocol/static-responder';
import { KeytarSecretStore } from '../secrets/keytar-secret-store';
import { appMenuTemplate } from './app-menu-template';
import { startAutoUpdate } from './auto-update';
import { electronNotifier } from './electron-notifier';
import { registerContractHandlers, webContentsEventSink } from './ipc';
import { openMainWindow } from './main-window';
import { guardNavigation } from './navigation-guards';
import { electronAdapters } from './platform-adapters';

const here = fileURLToPath(new URL('.', import.meta.url));

// Both must happen before `ready`: the scheme's privileges and the sandbox for every renderer.
protocol.registerSchemesAsPrivileged([
  // codeCache: V8 keeps the compiled renderer bundle between starts (for custom schemes only when asked, and only with standard).
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  run();
}

function run(): void {
  const packaged = app.isPackaged;
  let language: UiLanguage = 'nb';
  let mainWindow: BrowserWindow | undefined;
  let showWindow: (() => void) | undefined;
  let core: Promise<AppCore> | undefined;

  const config: AppConfig = {
    version: app.getVersion(),
    dataDir: app.getPath('userData'),
    logDir: app.getPath('logs'),
    demoAtStart: demoAtStart({ packaged: app.isPackaged, argv: process.argv }),
    platform: process.platform,
  };
  const logger = createFileLogger(join(config.logDir, 'main.log'));

  // Registered at once, not after start-up: a quit or a second launch may come before the window exists.
  const quitGuard = createQuitGuard({
    close: async () => (await core?.catch(() => undefined))?.close(),
    quit: () => app.quit(),
    logger,
  });
  app.on('before-quit', (event) => quitGuard.beforeQuit(event));
  app.on('second-instance', () => showWindow?.());
  // macOS keeps an app running without windows; the Dock icon (`activate`) opens it again.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => showWindow?.());

  const installMenu = (): void =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        appMenuTemplate({ language, packaged, platform: process.platform, openLogFolder: () => void shell.openPath(config.logDir) }),
      ),
    );

  const start = async (): Promise<void> => {
    logger.info('app.start', { version: config.version, packaged, demoAtStart: config.demoAtStart });
    app.setAboutPanelOptions({ applicationName: 'Fjernhjelp Admin', applicationVersion: config.version, copyright: 'Copyright © 2026 Fjernhjelp Admin' });
    installMenu();
    // Linux and macOS announce a shutdown here; holding it lets the quit guard close the core first.
    // (Electron's typings omit the event its docs describe, hence the optional chaining.)
    powerMonitor.on('shutdown', (...args: unknown[]) => {
      (args[0] as { preventDefault?: () => void } | undefined)?.preventDefault?.();
      app.quit();
    });

    const respond = createStaticResponder(join(here, '../renderer'));
    protocol.handle(APP_SCHEME, (request) =>
      new URL(request.url).host === APP_HOST ? respond(request) : Promise.resolve(new Response(null, { status: 404 })),
    );
    // The renderer needs no camera, notifications or other browser permissions.
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    app.on('web-contents-created', (_event, contents) => guardNavigation(contents, logger));

    const events = webContentsEventSink(() => mainWindow?.webContents);
    core = AppCore.start({
      config,
      secrets: new KeytarSecretStore(),
      adapters: {
        ...electronAdapters(() => mainWindow, () => mainTexts(language)),
        notifier: electronNotifier(() => showWindow?.()),
        languageChanged: (next) => {
          if (next === language) return;
          language = next;
          installMenu();
        },
      },
      events,
      logger,
    });
    const handlers = createHandlers({ core: await core, events, now: () => new Date() });
    registerContractHandlers(createDispatcher(handlers, sameOriginPolicy(APP_ENTRY_URL), logger));

    showWindow = () => {
      if (!mainWindow) {
        mainWindow = openMainWindow({
          preloadPath: join(here, '../preload/index.cjs'),
          packaged,
          dataDir: config.dataDir,
          logger,
          texts: () => mainTexts(language),
          onSessionEnd: () => void endSession(),
        });
        mainWindow.on('closed', () => {
          mainWindow = undefined;
        });
        return;
      }
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    };
    showWindow();
    // Off unless this installed copy was built with an update feed (resources/app-update.yml).
    const autoUpdate = startAutoUpdate({ packaged, resourcesPath: process.resourcesPath, execPath: process.execPath, logger });
    app.once('will-quit', () => autoUpdate?.dispose());
    logger.info('app.ready');
  };

  // Windows is logging off or shutting down: close the core within the time limit; the OS ends the process.
  const endSession = async (): Promise<void> => {
    await quitGuard.closeNow('session-end');
    app.exit(0);
  };

  void app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logger.error('app.start-failed', { error: error instanceof Error ? error.message : String(error) });
      dialog.showErrorBox('Fjernhjelp Admin', `Appen kunne ikke starte / The app could not start:\n${String(error)}`);
      app.exit(1);
    });
}


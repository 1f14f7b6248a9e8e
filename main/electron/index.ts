import { app, BrowserWindow, dialog, protocol, session } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDemoMode, type AppConfig } from '../app-config';
import { AppCore } from '../app-core';
import { createHandlers } from '../handlers';
import { createDispatcher } from '../ipc/dispatcher';
import { sameOriginPolicy } from '../ipc/sender-policy';
import { createFileLogger } from '../log/logger';
import { APP_ENTRY_URL, APP_HOST, APP_SCHEME } from '../protocol/app-url';
import { createStaticResponder } from '../protocol/static-responder';
import { KeytarSecretStore } from '../secrets/keytar-secret-store';
import { registerContractHandlers, webContentsEventSink } from './ipc';
import { guardNavigation } from './navigation-guards';
import { electronAdapters } from './platform-adapters';
import { mainWindowOptions } from './window-options';

const here = fileURLToPath(new URL('.', import.meta.url));

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(start).catch((error: unknown) => {
    dialog.showErrorBox('Fjernhjelp Admin', `Appen kunne ikke starte / The app could not start:\n${String(error)}`);
    app.exit(1);
  });
}

let mainWindow: BrowserWindow | undefined;

async function start(): Promise<void> {
  const config: AppConfig = {
    version: app.getVersion(),
    dataDir: app.getPath('userData'),
    logDir: app.getPath('logs'),
    demoMode: isDemoMode(process.env),
    platform: process.platform,
  };
  const logger = createFileLogger(join(config.logDir, 'main.log'));
  logger.info('app.start', { version: config.version, demoMode: config.demoMode });

  const respond = createStaticResponder(join(here, '../renderer'));
  protocol.handle(APP_SCHEME, (request) =>
    new URL(request.url).host === APP_HOST ? respond(request) : Promise.resolve(new Response(null, { status: 404 })),
  );
  // The renderer needs no camera, notifications or other browser permissions.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents, logger));

  const events = webContentsEventSink(() => mainWindow?.webContents);
  const core = await AppCore.start({
    config,
    secrets: new KeytarSecretStore(),
    adapters: electronAdapters(() => mainWindow),
    events,
    logger,
  });
  app.on('before-quit', () => void core.close());
  const handlers = createHandlers({ core, events, now: () => new Date() });
  registerContractHandlers(createDispatcher(handlers, sameOriginPolicy(APP_ENTRY_URL), logger));

  mainWindow = new BrowserWindow(mainWindowOptions(join(here, '../preload/index.cjs')));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
  void mainWindow.loadURL(APP_ENTRY_URL);

  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
}

app.on('window-all-closed', () => app.quit());

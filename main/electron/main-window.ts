import { app, BrowserWindow, dialog, screen } from 'electron';
import type { MainTexts } from '../i18n/main-texts';
import { createRendererRecovery } from '../lifecycle/renderer-recovery';
import type { Logger } from '../log/logger';
import { APP_ENTRY_URL } from '../protocol/app-url';
import { readWindowState, restoreBounds, windowStateFile, writeWindowState } from '../window/window-state';
import { MAIN_WINDOW_SIZE, mainWindowOptions } from './window-options';

export interface MainWindowDeps {
  preloadPath: string;
  packaged: boolean;
  dataDir: string;
  logger: Logger;
  texts: () => MainTexts;
  /** Windows is logging off or shutting down: close what must be closed, the OS ends the process. */
  onSessionEnd: () => void;
}

/**
 * The main window: opened where it was last (if that is still on a display), its state saved when it
 * closes, and a renderer that crashes or hangs is reloaded or the user is asked, never left blank.
 */
export function openMainWindow({ preloadPath, packaged, dataDir, logger, texts, onSessionEnd }: MainWindowDeps): BrowserWindow {
  const stateFile = windowStateFile(dataDir);
  const saved = readWindowState(stateFile);
  const bounds = restoreBounds(saved, screen.getAllDisplays().map((display) => display.workArea), MAIN_WINDOW_SIZE);
  const window = new BrowserWindow(mainWindowOptions({ preloadPath, devTools: !packaged, bounds }));
  if (bounds && saved?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  window.on('close', () => {
    try {
      writeWindowState(stateFile, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (error) {
      // A full disk or a read-only folder costs the window position, nothing else.
      logger.warn('window.state-not-saved', { error: error instanceof Error ? error.message : String(error) });
    }
  });
  window.on('session-end', onSessionEnd);

  const recover = createRendererRecovery();
  window.webContents.on('render-process-gone', (_event, details) => {
    logger.error('renderer.gone', { reason: details.reason, exitCode: details.exitCode });
    const action = recover(details.reason, Date.now());
    if (action === 'reload') window.webContents.reload();
    if (action === 'ask') {
      const t = texts();
      void askToReload(window, {
        title: t.rendererGoneTitle,
        message: t.rendererGoneMessage,
        reloadButton: t.reloadButton,
        otherButton: t.quitButton,
        onOther: () => app.quit(),
      });
    }
  });
  window.on('unresponsive', () => {
    logger.warn('renderer.unresponsive');
    const t = texts();
    void askToReload(window, {
      title: t.unresponsiveTitle,
      message: t.unresponsiveMessage,
      reloadButton: t.reloadButton,
      otherButton: t.waitButton,
      onOther: () => {},
    });
  });
  window.on('responsive', () => logger.info('renderer.responsive'));

  void window.loadURL(APP_ENTRY_URL);
  return window;
}

interface ReloadQuestion {
  title: string;
  message: string;
  reloadButton: string;
  otherButton: string;
  /** What the other button does: quit after a crash loop; nothing (wait) for a hung window. */
  onOther: () => void;
}

/** Asks whether to reload the window; reload is the default button. */
async function askToReload(window: BrowserWindow, question: ReloadQuestion): Promise<void> {
  if (window.isDestroyed()) return;
  const { response } = await dialog.showMessageBox(window, {
    type: 'warning',
    title: question.title,
    message: question.message,
    buttons: [question.reloadButton, question.otherButton],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  if (window.isDestroyed()) return;
  if (response === 0) window.webContents.reload();
  else question.onOther();
}

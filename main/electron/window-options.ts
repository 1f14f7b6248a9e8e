import type { BrowserWindowConstructorOptions } from 'electron';
import type { Rectangle, WindowSize } from '../window/window-state';

export const MAIN_WINDOW_SIZE: WindowSize = { width: 1280, height: 840, minWidth: 900, minHeight: 600 };

export interface MainWindowOptions {
  preloadPath: string;
  /** Developer tools only where the app runs from the repository (`!app.isPackaged`), never in an installed copy. */
  devTools: boolean;
  /** Where the window was last, if that is still on a display; otherwise it opens centred at the default size. */
  bounds?: Rectangle | undefined;
}

/** The main window's options. Every security-relevant webPreference is spelled out, not left to defaults. */
export function mainWindowOptions({ preloadPath, devTools, bounds }: MainWindowOptions): BrowserWindowConstructorOptions {
  return {
    ...MAIN_WINDOW_SIZE,
    ...(bounds ?? { center: true }),
    show: false,
    title: 'Fjernhjelp Admin',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools,
    },
  };
}

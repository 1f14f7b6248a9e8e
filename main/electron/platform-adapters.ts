import { app, dialog, shell, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { PlatformAdapters } from '../app-core';
import { saveDialogKind } from '../files/save-dialog-options';
import type { MainTexts } from '../i18n/main-texts';

/** The system browser and the save dialog, Electron's way, the dialog in the app's language. AppCore decides when they are used. */
export function electronAdapters(window: () => BrowserWindow | undefined, texts: () => MainTexts): PlatformAdapters {
  return {
    openExternal: (url) => shell.openExternal(url),
    async chooseSavePath(defaultFileName) {
      const options = {
        ...saveDialogKind(defaultFileName, texts()),
        defaultPath: join(app.getPath('downloads'), defaultFileName),
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      };
      const parent = window();
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled ? undefined : result.filePath;
    },
  };
}

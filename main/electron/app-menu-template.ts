import type { MenuItemConstructorOptions } from 'electron';
import type { UiLanguage } from '../../common/contract';
import { mainTexts } from '../i18n/main-texts';

export interface AppMenuOptions {
  language: UiLanguage;
  /** An installed app gets no Reload and no Developer Tools; `npm start` does. */
  packaged: boolean;
  platform: NodeJS.Platform;
  openLogFolder: () => void;
}

/**
 * The application menu, in the window's language. Without one, Electron shows its default menu,
 * which offers Reload and Toggle Developer Tools in every installed copy. Items use Electron's roles
 * (so copy/paste, zoom and window handling behave natively) with our own labels.
 */
export function appMenuTemplate({ language, packaged, platform, openLogFolder }: AppMenuOptions): MenuItemConstructorOptions[] {
  const t = mainTexts(language);
  const mac = platform === 'darwin';
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const developer: MenuItemConstructorOptions[] = packaged
    ? []
    : [{ role: 'reload', label: t.reload }, { role: 'toggleDevTools', label: t.devTools }, separator];

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: 'Fjernhjelp Admin',
          submenu: [
            { role: 'about', label: t.about },
            separator,
            { role: 'hide', label: t.hide },
            { role: 'hideOthers', label: t.hideOthers },
            { role: 'unhide', label: t.showAll },
            separator,
            { role: 'quit', label: t.quit },
          ],
        },
      ]
    : [];

  return [
    ...appMenu,
    {
      label: t.file,
      submenu: mac ? [{ role: 'close', label: t.closeWindow }] : [{ role: 'close', label: t.closeWindow }, separator, { role: 'quit', label: t.quit }],
    },
    {
      label: t.edit,
      submenu: [
        { role: 'undo', label: t.undo },
        { role: 'redo', label: t.redo },
        separator,
        { role: 'cut', label: t.cut },
        { role: 'copy', label: t.copy },
        { role: 'paste', label: t.paste },
        { role: 'selectAll', label: t.selectAll },
      ],
    },
    {
      label: t.view,
      submenu: [
        ...developer,
        { role: 'resetZoom', label: t.actualSize },
        { role: 'zoomIn', label: t.zoomIn },
        { role: 'zoomOut', label: t.zoomOut },
        separator,
        { role: 'togglefullscreen', label: t.fullScreen },
      ],
    },
    {
      label: t.window,
      submenu: mac
        ? [{ role: 'minimize', label: t.minimize }, { role: 'zoom', label: t.zoom }, separator, { role: 'front', label: t.front }]
        : [{ role: 'minimize', label: t.minimize }, { role: 'close', label: t.closeWindow }],
    },
    {
      label: t.help,
      role: 'help',
      submenu: [...(mac ? [] : [{ role: 'about' as const, label: t.about }, separator]), { label: t.openLogFolder, click: openLogFolder }],
    },
  ];
}

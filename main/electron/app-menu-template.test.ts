import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate, type AppMenuOptions } from './app-menu-template';

const options = (overrides: Partial<AppMenuOptions> = {}): AppMenuOptions => ({
  language: 'nb',
  packaged: true,
  platform: 'win32',
  openLogFolder: () => {},
  ...overrides,
});

function items(menu: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return menu.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

const roles = (menu: MenuItemConstructorOptions[]) => items(menu).map((item) => item.role).filter(Boolean);

describe('the application menu', () => {
  it('has Fil, Rediger, Vis, Vindu and Hjelp in Norwegian, and in English', () => {
    expect(appMenuTemplate(options()).map((item) => item.label)).toEqual(['Fil', 'Rediger', 'Vis', 'Vindu', 'Hjelp']);
    expect(appMenuTemplate(options({ language: 'en' })).map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('offers no Reload and no Developer Tools in an installed app', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      expect(roles(appMenuTemplate(options({ platform, packaged: true })))).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/reload|devtools/i)]),
      );
    }
  });

  it('offers Reload and Developer Tools when run from the repository', () => {
    expect(roles(appMenuTemplate(options({ packaged: false })))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('follows macOS conventions: the app menu first, with About, Hide and Quit', () => {
    const menu = appMenuTemplate(options({ platform: 'darwin', language: 'en' }));
    expect(menu[0]!.label).toBe('Fjernhjelp Admin');
    expect(roles([menu[0]!])).toEqual(['about', 'hide', 'hideOthers', 'unhide', 'quit']);
  });

  it('labels every item in the chosen language (no Electron default labels)', () => {
    for (const language of ['nb', 'en'] as const) {
      const unlabelled = items(appMenuTemplate(options({ language, platform: 'darwin', packaged: false }))).filter(
        (item) => item.type !== 'separator' && !item.label,
      );
      expect(unlabelled).toEqual([]);
    }
  });

  it('opens the log folder from Hjelp', () => {
    let opened = 0;
    const help = appMenuTemplate(options({ openLogFolder: () => (opened += 1) })).at(-1)!;
    const item = items([help]).find((entry) => entry.label === 'Åpne loggmappen')!;
    (item.click as () => void)();
    expect(opened).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './window-options';

describe('mainWindowOptions', () => {
  it('isolates and sandboxes the renderer', () => {
    const { webPreferences } = mainWindowOptions({ preloadPath: '/app/out/preload/index.cjs', devTools: false });
    expect(webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
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
      devTools: false,
    });
  });

  it('turns developer tools on only when asked (the app runs from the repository)', () => {
    expect(mainWindowOptions({ preloadPath: '/x/index.cjs', devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('opens where it was last, or centred at the default size', () => {
    const bounds = { x: 10, y: 20, width: 1000, height: 700 };
    expect(mainWindowOptions({ preloadPath: '/x/index.cjs', devTools: false, bounds })).toMatchObject({ ...bounds, minWidth: 900, minHeight: 600 });
    expect(mainWindowOptions({ preloadPath: '/x/index.cjs', devTools: false })).toMatchObject({ width: 1280, height: 840, center: true });
  });

  it('loads a CommonJS preload, as a sandboxed preload requires', () => {
    expect(mainWindowOptions({ preloadPath: '/x/index.cjs', devTools: false }).webPreferences?.preload).toMatch(/\.cjs$/);
  });
});

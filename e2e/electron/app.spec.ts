import { _electron as electron, chromium, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import jsQR from 'jsqr';
import * as OTPAuth from 'otpauth';
import { PNG } from 'pngjs';
import { channelNames } from '../../common/contract';
import { electronBinaryStatus } from '../../scripts/electron-binary';
import { signInOnPortalPage } from '../harness/harness-process';
import { dataDirWithProfile, startPortalProcess } from '../harness/portal-process';

/**
 * The built app in a real Electron, where the binary exists (these machines cannot download it: the
 * project is skipped with one printed line, see playwright.config.ts). It proves what the build
 * checks cannot: Electron itself loads the bundle, the native modules, the window and the IPC.
 */

/** window.portal has one member per channel namespace, plus `on`: nothing else. */
const portalNamespaces = [...new Set(channelNames.map((channel) => channel.split('.')[0]!)), 'on'].sort();
const mainBundle = resolve(import.meta.dirname, '../../out/main/index.js');
const status = electronBinaryStatus();

async function launch(userData: string): Promise<{ app: ElectronApplication; page: Page }> {
  if (!status.available) throw new Error(status.reason);
  // --no-demo: this test signs in to its own portal process, which it can stop for the offline part.
  const app = await electron.launch({ executablePath: status.path, args: [mainBundle, `--user-data-dir=${userData}`, '--no-demo'] });
  const page = await app.firstWindow();
  await page.waitForSelector('html[data-app-ready="true"]');
  return { app, page };
}

/** The system browser and the save dialog, stubbed in main: the URL main would open is kept, the dialog answers `savePath`. */
async function stubSystemBrowserAndSaveDialog(app: ElectronApplication, savePath: string): Promise<void> {
  await app.evaluate(({ shell, dialog }, path) => {
    const opened: string[] = [];
    (globalThis as { openedUrls?: string[] }).openedUrls = opened;
    shell.openExternal = async (url: string) => {
      opened.push(url);
    };
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: path })) as typeof dialog.showSaveDialog;
  }, savePath);
}

/** What main has loaded: the `.node` files in its process, from Node's diagnostic report. */
function nativeAddons(app: ElectronApplication): Promise<string[]> {
  return app.evaluate(() =>
    ((process.report.getReport() as { sharedObjects?: string[] }).sharedObjects ?? []).filter((file) => file.endsWith('.node')),
  );
}

/** Follows the URL main handed to the "system browser" in a real browser page, and signs in there as the demo admin. */
async function signInThroughBrowser(app: ElectronApplication, page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(Logg inn|Sign in)$/ }).click();
  let loginUrl: string | undefined;
  await expect
    .poll(async () => (loginUrl = await app.evaluate(() => (globalThis as { openedUrls?: string[] }).openedUrls?.at(-1))))
    .toBeTruthy();
  const browser = await chromium.launch({
    ...(existsSync(process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium') ? { executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium' } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    await signInOnPortalPage(await browser.newPage(), loginUrl!);
  } finally {
    await browser.close();
  }
  await page.getByTestId('signed-in-user').waitFor();
}

test.describe('Electron app', () => {
  test.skip(!status.available, status.available ? '' : status.reason);

  test('signs in, shows the cached groups, saves a QR code, quits cleanly and reads the same data offline', async () => {
    test.setTimeout(180_000);
    const portal = await startPortalProcess(['--activation-delay-ms', '0', '--group-sync-delay-ms', '0']);
    const userData = dataDirWithProfile(portal);
    const qrPath = join(mkdtempSync(join(tmpdir(), 'electron-qr-')), 'kari.nordmann-totp.png');
    try {
      const { app, page } = await launch(userData);
      // Sandbox + context isolation: the page sees neither Node nor Electron, only window.portal.
      expect(
        await page.evaluate(() => ({
          require: typeof (globalThis as { require?: unknown }).require,
          process: typeof (globalThis as { process?: unknown }).process,
          portal: Object.keys(window.portal).sort(),
        })),
      ).toEqual({ require: 'undefined', process: 'undefined', portal: portalNamespaces });
      await stubSystemBrowserAndSaveDialog(app, qrPath);

      await signInThroughBrowser(app, page);
      await page.getByLabel('Jeg aksepterer bruksvilkårene for fjernhjelp-tjenesten').check();
      await page.getByRole('button', { name: 'Aktiver fjernhjelp' }).click();
      await page.getByRole('button', { name: 'Synkroniser nå' }).click();
      await page.locator('[data-testid="service-status"][data-status="active"]').waitFor({ timeout: 20_000 });

      await page.getByRole('link', { name: 'Dine maskingrupper' }).click();
      await expect(page.getByText('Maskiner', { exact: true }).first()).toBeVisible();

      // The QR code goes through Electron's (stubbed) save dialog to the chosen file, and decodes as a phone would.
      await page.getByRole('link', { name: 'Brukere' }).click();
      await page.getByTestId('user-list').getByRole('link', { name: 'Kari Nordmann' }).click();
      await page.getByRole('button', { name: 'Last ned QR-kode' }).click();
      await expect(page.getByTestId('qr-saved-path')).toHaveText(qrPath);
      const image = PNG.sync.read(readFileSync(qrPath));
      const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
      const totp = OTPAuth.URI.parse(decoded!.data);
      expect([totp.issuer, totp.label]).toEqual(['Fjernhjelp (Norsk Helsenett test)', 'kari.nordmann']);

      // The native modules main really loaded: better-sqlite3's Node-API prebuild, and keytar (which holds the refresh token).
      expect(await nativeAddons(app)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/better-sqlite3[\\/]prebuilds[\\/][a-z0-9]+-(x64|arm64)\.node$/),
          expect.stringMatching(/keytar\.node$/),
        ]),
      );

      // Quitting waits for the core: the cache is closed cleanly (SQLite removes its write-ahead log).
      await app.close();
      expect(existsSync(join(userData, 'cache', 'test-portal.sqlite'))).toBe(true);
      expect(existsSync(join(userData, 'cache', 'test-portal.sqlite-wal'))).toBe(false);

      // The portal is gone: the app starts, restores the session offline and shows the same groups.
      await portal.kill();
      const offline = await launch(userData);
      try {
        await offline.page.getByTestId('signed-in-user').waitFor();
        await offline.page.getByRole('link', { name: 'Dine maskingrupper' }).click();
        await expect(offline.page.getByText('Maskiner', { exact: true }).first()).toBeVisible();
        await expect(offline.page.getByTestId('sync-activity')).toHaveText('Frakoblet – viser lagrede data');
      } finally {
        await offline.app.close();
      }
    } finally {
      await portal.kill();
    }
  });
});

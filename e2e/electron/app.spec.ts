import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { electronBinaryStatus } from './electron-binary';
import { channelNames } from '../../common/contract';

/** window.portal has one member per channel namespace, plus `on`: nothing else. */
const portalNamespaces = [...new Set(channelNames.map((channel) => channel.split('.')[0]!)), 'on'].sort();

const status = electronBinaryStatus();

test.describe('Electron app', () => {
  test.skip(!status.available, status.available ? '' : status.reason);

  test('starts with a hardened window and answers app.info over IPC', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'fjernhjelp-electron-'));
    const app = await electron.launch({
      args: [resolve(import.meta.dirname, '../../out/main/index.js'), `--user-data-dir=${userData}`],
    });
    try {
      const page = await app.firstWindow();
      await page.waitForSelector('html[data-app-ready="true"]');
      // Sandbox + context isolation: the page sees neither Node nor Electron, only window.portal.
      const globals = await page.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        portal: Object.keys(window.portal).sort(),
      }));
      expect(globals).toEqual({ require: 'undefined', process: 'undefined', portal: portalNamespaces });
      await expect(page.getByTestId('app-version')).not.toBeEmpty();
      await page.getByRole('button', { name: 'Test forbindelsen' }).click();
      await expect(page.getByTestId('ping-status')).toHaveAttribute('data-status', 'ok');
    } finally {
      await app.close();
    }
  });
});

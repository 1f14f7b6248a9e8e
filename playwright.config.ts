import { defineConfig } from '@playwright/test';
import { electronBinaryStatus } from './scripts/electron-binary';

const electron = electronBinaryStatus();
// Printed once by the runner process (workers load this file again), so CI logs say why it did not run.
if (!electron.available && !process.env['TEST_WORKER_INDEX']) {
  console.log(`[e2e] Electron project skipped: ${electron.reason}`);
}

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  // One temporary folder per run, removed at its end (scripts/testing/temp-root.ts).
  globalSetup: './scripts/testing/temp-root.ts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  timeout: 60_000,
  reporter: process.env['CI'] ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'harness',
      testDir: './e2e/harness',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-quic',
            '--no-first-run',
          ],
        },
      },
    },
    {
      name: 'electron',
      testDir: './e2e/electron',
    },
  ],
});

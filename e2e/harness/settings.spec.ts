import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from './harness-fixture';
import { channelNames } from '../../common/contract';

/** window.portal has one member per channel namespace, plus `on`: nothing else. */
const portalNamespaces = [...new Set(channelNames.map((channel) => channel.split('.')[0]!)), 'on'].sort();

const version = (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }).version;

test('the settings screen shows what main reports and the ping round trip works', async ({ page, harness }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });

  await page.goto(`${harness.url}/#/settings`);
  await page.waitForSelector('html[data-app-ready="true"]');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Innstillinger og om appen');
  await expect(page.getByTestId('app-version')).toHaveText(version);
  await expect(page.getByTestId('app-data-dir')).toHaveText(harness.dataDir);
  await expect(page.getByTestId('app-demo-mode')).toHaveText('På – innebygd testportal');
  await expect(page.getByText('DEMO', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Test forbindelsen' }).click();
  const status = page.getByTestId('ping-status');
  await expect(status).toHaveAttribute('data-status', 'ok');
  await expect(status).toContainText('Forbindelsen virker begge veier');

  await page.getByLabel('Språk').selectOption('en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings and about');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await page.waitForSelector('html[data-app-ready="true"]');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings and about');

  await page.screenshot({ path: test.info().outputPath('settings.png'), fullPage: true });
  expect(pageErrors).toEqual([]);
});

test('the page runs under the strict CSP and has no Node or Electron globals', async ({ page, harness }) => {
  const response = await page.goto(harness.url);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).not.toContain('unsafe-inline');
  await page.waitForSelector('html[data-app-ready="true"]');

  const globals = await page.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    portalKeys: Object.keys(window.portal).sort(),
  }));
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', portalKeys: portalNamespaces });

  // Inline script is refused by the CSP, and the browser reports the violation.
  const inline = await page.evaluate(async () => {
    const violation = new Promise<string>((resolve) =>
      document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), { once: true }),
    );
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.append(script);
    return { ran: (window as { __inlineRan?: boolean }).__inlineRan === true, directive: await violation };
  });
  expect(inline).toEqual({ ran: false, directive: 'script-src-elem' });
});

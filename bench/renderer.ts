import { chromium } from '@playwright/test';
import { signInThroughBrowser, startHarnessProcess } from '../e2e/harness/harness-process';
import { dataDirWithProfile, startPortalProcess } from '../e2e/harness/portal-process';
import type { BenchFigure } from './figure';

/** One frame at 60 Hz: the budget a keystroke's filtering must fit in. */
const FRAME_MS = 1000 / 60;

/**
 * Recorded in the page with the Performance API: when the users list is first painted with all its
 * rows, and how long each keystroke in the search field takes until the filtered list is painted
 * (from the keydown's timestamp to the animation frame after the list changed).
 */
const PAGE_PROBE = `
  window.__bench = { listPaintedAt: undefined, keystrokes: [] };
  let keyAt;
  document.addEventListener('keydown', (event) => { keyAt = event.timeStamp; }, true);
  new MutationObserver(() => {
    const list = document.querySelector('[data-testid="user-list"]');
    if (!list) return;
    const count = Number(list.getAttribute('data-count'));
    if (window.__bench.listPaintedAt === undefined && count >= window.__benchUsers) {
      requestAnimationFrame(() => { window.__bench.listPaintedAt = performance.now(); });
    }
    if (keyAt !== undefined) {
      const started = keyAt;
      keyAt = undefined;
      requestAnimationFrame(() => window.__bench.keystrokes.push(performance.now() - started));
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-count'] });
`;

export async function benchRenderer(users = 10_000): Promise<BenchFigure[]> {
  const portal = await startPortalProcess(['--seed', `large:${users}`]);
  const harness = await startHarnessProcess([], { dataDir: dataDirWithProfile(portal), portalUrl: portal.url });
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    // bypassCSP: the probe's page-side expressions are evaluated as strings, which the app's CSP forbids.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(harness.url);
    await page.waitForSelector('html[data-app-ready="true"]');
    await signInThroughBrowser(page, harness);
    // The first sync brings ~110 000 rows into the cache; wait until it has finished.
    await page.waitForSelector('[data-testid="status-bar"][data-activity="idle"]', { timeout: 300_000 });
    await page.waitForFunction(`!document.body.textContent.includes('Ikke synkronisert ennå')`, undefined, { timeout: 300_000 });

    await page.addInitScript({ content: `window.__benchUsers = ${users}; ${PAGE_PROBE}` });
    // A full page load (not just a hash change), so the measurement starts at navigation.
    await page.goto('about:blank');
    await page.goto(`${harness.url}/#/users`);
    // (Page-side code is passed as text: this file is type-checked without the DOM library.)
    await page.waitForFunction('window.__bench.listPaintedAt !== undefined', undefined, { timeout: 120_000 });
    const { listPaintedAt, readyAt } = (await page.evaluate(
      `({ listPaintedAt: window.__bench.listPaintedAt, readyAt: performance.getEntriesByType('navigation')[0].duration })`,
    )) as { listPaintedAt: number; readyAt: number };

    const search = page.getByRole('searchbox');
    // The large seed's users are bruker.000001 … bruker.010000.
    await search.fill('bruker.00');
    await page.waitForSelector(`[data-testid="user-list"][data-count="${users - 1}"]`);
    await page.evaluate('window.__bench.keystrokes = []');
    // Each key changes how many users match (999, 100, 10, 1, then back up to 9 999), so each is measured.
    const keys = ['0', '1', '2', '3', 'Backspace', 'Backspace', 'Backspace', 'Backspace'];
    for (const [index, key] of keys.entries()) {
      await search.press(key);
      await page.waitForFunction(`window.__bench.keystrokes.length >= ${index + 1}`, undefined, { timeout: 30_000 });
    }
    const keystrokes = ((await page.evaluate('window.__bench.keystrokes')) as number[]).sort((a, b) => a - b);
    const median = keystrokes[Math.floor(keystrokes.length / 2)]!;
    const worst = keystrokes.at(-1)!;
    return [
      { name: `renderer.load→users painted (${users})`, value: listPaintedAt, unit: 'ms' },
      { name: 'renderer.document load', value: readyAt, unit: 'ms' },
      { name: 'renderer.keystroke→filtered (median)', value: median, unit: 'ms' },
      { name: 'renderer.keystroke→filtered (worst)', value: worst, unit: 'ms' },
      { name: 'renderer.keystroke median / frame', value: median / FRAME_MS, unit: 'ratio' },
    ];
  } finally {
    await browser.close();
    await harness.stop();
    await portal.kill();
  }
}

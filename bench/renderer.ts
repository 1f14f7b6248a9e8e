import { chromium } from '@playwright/test';
import { signInThroughBrowser, startHarnessProcess } from '../e2e/harness/harness-process';
import { dataDirWithProfile, startPortalProcess } from '../e2e/harness/portal-process';
import { STEP_MARK_PREFIX, STEP_MARKS } from '../renderer/timing/step-marks';
import type { BenchFigure } from './figure';
import { median, medianOf } from './median';

/** One frame at 60 Hz: the budget a keystroke's filtering must fit in. */
const FRAME_MS = 1000 / 60;

/** Page loads measured; the figures are the median load's (the machine is shared, one load is noise). */
const LOADS = 9;

/**
 * What has happened at each of the renderer's step marks (renderer/timing/step-marks.ts), and at the paint.
 * The list is asked for while the app starts, so the steps are taken in the order they happened: each is
 * the time since the one before it.
 */
const STEP_NAMES: Record<(typeof STEP_MARKS)[number] | 'painted', string> = {
  'app.script': 'document and scripts loaded and run',
  'app.i18n': 'texts (i18n) ready',
  'session.known': 'session known (bridge round trip)',
  'users.list.asked': 'users list asked for',
  'users.list.answered': 'users list answered (main, bridge, JSON)',
  'users.index.built': 'search index built',
  'users.list.committed': 'list rendered (React)',
  painted: 'list laid out and painted',
};

interface PageLoad {
  listPaintedAt: number;
  readyAt: number;
  marks: Record<string, number>;
}

/** Each step in the order it happened, from navigation start, with its share of load → painted. */
function stepFigures(load: PageLoad): BenchFigure[] {
  const times = [...STEP_MARKS, 'painted' as const].map((step) => {
    const at = step === 'painted' ? load.listPaintedAt : load.marks[`${STEP_MARK_PREFIX}${step}`];
    if (at === undefined) throw new Error(`the renderer set no mark ${step}`);
    return { step, at };
  });
  times.sort((a, b) => a.at - b.at);
  let previous = 0;
  return times.flatMap(({ step, at }) => {
    const figures = [
      { name: `renderer.step → ${STEP_NAMES[step]}`, value: at - previous, unit: 'ms' },
      { name: `renderer.step → ${STEP_NAMES[step]} share`, value: (at - previous) / load.listPaintedAt, unit: 'ratio' },
    ];
    previous = at;
    return figures;
  });
}

/** What the probe logs once the list is painted: a console message reaches the bench without running anything in the page. */
const PAINTED_MESSAGE = 'fjernhjelp-bench:users-painted';

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
      requestAnimationFrame(() => { window.__bench.listPaintedAt = performance.now(); console.debug('${PAINTED_MESSAGE}'); });
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
    const loads: PageLoad[] = [];
    for (let run = 0; run < LOADS; run++) {
      // A full page load (not just a hash change), so the measurement starts at navigation.
      await page.goto('about:blank');
      // Waited for by the probe's console message, not by polling the page: Playwright's polling first injects
      // its own script into the page, whose compiling (~20 ms) fell inside the load it measured.
      await Promise.all([
        page.waitForEvent('console', { predicate: (message) => message.text() === PAINTED_MESSAGE, timeout: 120_000 }),
        page.goto(`${harness.url}/#/users`),
      ]);
      // (Page-side code is passed as text: this file is type-checked without the DOM library.)
      loads.push(
        (await page.evaluate(
          `({
            listPaintedAt: window.__bench.listPaintedAt,
            readyAt: performance.getEntriesByType('navigation')[0].duration,
            marks: Object.fromEntries(performance.getEntriesByType('mark').map((mark) => [mark.name, mark.startTime])),
          })`,
        )) as PageLoad,
      );
    }
    const first = loads[0]!;
    const medianLoad = median(loads, (load) => load.listPaintedAt);
    const listJsonBytes = (await page.evaluate(
      `(async () => new TextEncoder().encode(JSON.stringify(await window.portal.users.list())).length)()`,
    )) as number;

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
    const keystrokes = (await page.evaluate('window.__bench.keystrokes')) as number[];
    const keystroke = medianOf(keystrokes);
    const worst = Math.max(...keystrokes);
    return [
      { name: `renderer.load→users painted (${users}), median of ${LOADS}`, value: medianLoad.listPaintedAt, unit: 'ms' },
      { name: 'renderer.load→users painted, first load', value: first.listPaintedAt, unit: 'ms' },
      ...stepFigures(medianLoad),
      { name: 'renderer.users.list answer (JSON)', value: listJsonBytes / 1024, unit: 'KiB' },
      { name: 'renderer.document load (median load)', value: medianLoad.readyAt, unit: 'ms' },
      { name: 'renderer.keystroke→filtered (median)', value: keystroke, unit: 'ms' },
      { name: 'renderer.keystroke→filtered (worst)', value: worst, unit: 'ms' },
      { name: 'renderer.keystroke median / frame', value: keystroke / FRAME_MS, unit: 'ratio' },
    ];
  } finally {
    await browser.close();
    await harness.stop();
    await portal.kill();
  }
}

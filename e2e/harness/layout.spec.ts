import type { Page } from '@playwright/test';
import { DEMO_ADMIN } from '../../server/seed/demo-credentials';
import { expect, signInThroughBrowser, startHarnessProcess, test } from './harness-fixture';
import { layoutProblems, seriousAxeViolations } from './layout-checks';
import { dataDirWithProfile, startPortalProcess } from './portal-process';
import { untranslatedTexts } from './ui-texts';

/**
 * The Electron window's minimum size, and 200 % zoom (WCAG 1.4.4): the default window (1280×840) at
 * 200 % is 640×420 CSS pixels, the minimum window at 200 % 450×300. Page zoom is emulated by that
 * viewport with a device scale factor of 2, as Chromium lays a zoomed page out.
 */
const SIZES = [
  { name: '900x600', width: 900, height: 600, tablesMayScroll: false },
  { name: 'zoom200', width: 640, height: 420, tablesMayScroll: true },
  { name: 'zoom200-minimum', width: 450, height: 300, tablesMayScroll: true },
] as const;

test.describe.configure({ mode: 'parallel' });

for (const language of ['nb', 'en'] as const) {
  test(`every screen works at 900×600 and at 200 % zoom, nothing cut off or covered, axe clean (${language})`, async ({ browser }) => {
    test.setTimeout(420_000);
    const portal = await startPortalProcess(['--activation-delay-ms', '0', '--group-sync-delay-ms', '0', '--dev-tokens']);
    const harness = await startHarnessProcess([], { dataDir: dataDirWithProfile(portal), portalUrl: portal.url });
    const context = await browser.newContext({ viewport: { width: 900, height: 600 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    try {
      // Before activation: the first screen, whose "Aktiver fjernhjelp" must be reachable above the status bar.
      await page.goto(harness.url);
      await page.waitForSelector('html[data-app-ready="true"]');
      await signInThroughBrowser(page, harness);
      if (language === 'en') await switchToEnglish(page, harness.url);
      await checkAllSizes(page, language, 'service-inactive');

      await page.goto(`${harness.url}/#/service`);
      await page.getByLabel(language === 'nb' ? 'Jeg aksepterer bruksvilkårene for fjernhjelp-tjenesten' : 'I accept the terms of use of the remote-support service').check();
      await page.getByRole('button', { name: language === 'nb' ? 'Aktiver fjernhjelp' : 'Activate remote support' }).click();
      await page.locator('[data-testid="service-status"]:not([data-status="inactive"])').waitFor();
      await seedLongNames(portal.url);
      const syncNow = page.getByRole('button', { name: language === 'nb' ? 'Synkroniser nå' : 'Synchronise now' });
      await syncNow.click();
      await page.locator('[data-testid="service-status"][data-status="active"]').waitFor({ timeout: 20_000 });
      await syncNow.click();
      await page.locator('[data-testid="status-bar"][data-activity="idle"]').waitFor();

      const nav = page.getByRole('navigation');
      const open = async (link: string) => {
        await page.setViewportSize({ width: 900, height: 600 });
        await nav.getByRole('link', { name: link, exact: true }).click();
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      };
      const words = language === 'nb' ? NB : EN;
      for (const [link, name] of words.screens) {
        await open(link);
        await checkAllSizes(page, language, name);
      }
      await open(words.groups);
      await page.getByRole('link', { name: LONG_GROUP, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(LONG_GROUP);
      await checkAllSizes(page, language, 'group-detail');

      await open(words.users);
      await page.getByTestId('user-list').getByRole('link').first().click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await checkAllSizes(page, language, 'user-detail');

      await open(words.review);
      await page.getByRole('button', { name: words.newReview }).click();
      await page.getByLabel(words.reviewName, { exact: true }).fill(words.campaignName);
      await page.getByLabel(words.dueDate).fill(language === 'nb' ? '31.12.2099' : '31/12/2099');
      await page.getByRole('button', { name: words.startReview }).click();
      await expect(page.getByRole('heading', { level: 1, name: words.campaignName })).toBeVisible();
      await checkAllSizes(page, language, 'campaign');
    } finally {
      await context.close();
      await harness.stop();
      await portal.kill();
    }
  });
}

const LONG_GROUP = 'Røntgen og laboratorium Grønnåsen';

const NB = {
  screens: [
    ['Tjenester – Fjernhjelp 2.0', 'service-active'],
    ['Dine maskingrupper', 'groups'],
    ['Maskingrupper du har tilgang til', 'accessible'],
    ['Brukere', 'users'],
    ['Kundeportaladministratorer', 'admins'],
    ['Tilgangsgjennomgang', 'review'],
    ['Fjernhjelpsøkter', 'sessions'],
    ['Revisjonslogg', 'audit'],
    ['Innstillinger', 'settings'],
  ],
  groups: 'Dine maskingrupper',
  users: 'Brukere',
  review: 'Tilgangsgjennomgang',
  newReview: 'Ny gjennomgang',
  reviewName: 'Navn',
  dueDate: 'Frist',
  startReview: 'Start gjennomgangen',
  campaignName: 'Kvartalsgjennomgang Q4 2026 for alle tilgangene til virksomhetens grupper',
} as const;

const EN = {
  screens: [
    ['Services – Fjernhjelp 2.0', 'service-active'],
    ['Your machine groups', 'groups'],
    ['Machine groups you can access', 'accessible'],
    ['Users', 'users'],
    ['Portal administrators', 'admins'],
    ['Access review', 'review'],
    ['Remote-support sessions', 'sessions'],
    ['Audit log', 'audit'],
    ['Settings', 'settings'],
  ],
  groups: 'Your machine groups',
  users: 'Users',
  review: 'Access review',
  newReview: 'New review',
  reviewName: 'Name',
  dueDate: 'Due date',
  startReview: 'Start the review',
  campaignName: 'Quarterly review Q4 2026 of every grant to the organisation’s groups',
} as const;

/** Each size in turn: nothing cut off, sticking out or covered, axe clean, and (in English) nothing untranslated; a screenshot of each. */
async function checkAllSizes(page: Page, language: 'nb' | 'en', screen: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    // Two frames: the tables measure their columns after the resize.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const where = `${screen} at ${size.name} (${language})`;
    expect(await layoutProblems(page, size), `layout of ${where}`).toEqual([]);
    expect(await seriousAxeViolations(page), `axe on ${where}`).toEqual([]);
    if (language === 'en') expect(await untranslatedTexts(page), `untranslated on ${where}`).toEqual([]);
    // The screen's first table in view, if it has one (that is what a narrow window squeezes), else its top.
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      document.querySelector('.app-main')?.scrollTo(0, 0);
      document.querySelector('.data-table')?.scrollIntoView({ block: 'end' });
    });
    await page.screenshot({ path: test.info().outputPath(`layout-${language}-${size.name}-${screen}.png`) });
  }
  await page.setViewportSize({ width: 900, height: 600 });
}

async function switchToEnglish(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/#/settings`);
  await page.getByLabel('Språk').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.goto(`${url}/#/service`);
}

/**
 * What makes columns and screens tight: a group with a long name, six vendors with long names given
 * access (with and without approval, with an expiry), straight through the portal's API.
 */
async function seedLongNames(portalUrl: string): Promise<void> {
  const token = ((await (await fetch(`${portalUrl}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: DEMO_ADMIN.username }) })).json()) as { access_token: string }).access_token;
  const api = (method: string, path: string, body?: unknown) =>
    fetch(`${portalUrl}/api/v1/${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
  const created = await api('POST', 'machine-groups', { name: LONG_GROUP });
  expect(created.status, await created.clone().text()).toBe(201);
  const group = (await created.json()) as { id: string };
  const vendors = (await (await api('GET', 'vendors?limit=30')).json()) as Array<{ id: string; name: string }>;
  const longest = [...vendors].sort((a, b) => b.name.length - a.name.length).slice(0, 6);
  for (const [index, vendor] of longest.entries()) {
    const body = index % 2 ? { mode: 'with_approval', expiresAt: new Date(Date.now() + 9 * 86_400_000).toISOString() } : { mode: 'without_approval' };
    expect((await api('PUT', `machine-groups/${group.id}/grants/${vendor.id}`, body)).status).toBe(201);
  }
}

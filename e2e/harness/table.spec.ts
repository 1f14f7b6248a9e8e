import type { Locator, Page } from '@playwright/test';
import { sortByNames } from '../../common/sorting/name-collation';
import { DEMO_ADMIN } from '../../server/seed/demo-credentials';
import { DEMO_VENDOR_NAMES } from '../../server/seed/vendor-names';
import { expect, signInAndActivate, signInThroughBrowser, startHarnessProcess, test } from './harness-fixture';
import { layoutProblems, seriousAxeViolations } from './layout-checks';
import { dataDirWithProfile, startPortalProcess } from './portal-process';

const LONG_GROUP = 'Røntgen og laboratorium Grønnåsen';
const GROUP_NAMES = ['Ålesund', 'Østre', 'Ærlig', 'Zeta', 'Bærum', 'Berg', 'Gruppe 10', 'Gruppe 9', LONG_GROUP];

/** The first cell's text of each rendered row. */
const firstCells = (rows: Locator) => rows.locator('td:first-child, th:first-child').allInnerTexts();

test('every table sorts by any column (Norwegian order, times by the instant, keyboard too) and shows a cut value in full on hover and focus', async ({ page }) => {
  test.setTimeout(180_000);
  const portal = await startPortalProcess(['--activation-delay-ms', '0', '--group-sync-delay-ms', '0', '--dev-tokens']);
  const harness = await startHarnessProcess([], { dataDir: dataDirWithProfile(portal), portalUrl: portal.url });
  try {
    await page.setViewportSize({ width: 1280, height: 840 });
    await signInAndActivate(page, harness);
    const token = ((await (await fetch(`${portal.url}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: DEMO_ADMIN.username }) })).json()) as { access_token: string }).access_token;
    const api = (method: string, path: string, body?: unknown) =>
      fetch(`${portal.url}/api/v1/${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    for (const name of GROUP_NAMES) expect((await api('POST', 'machine-groups', { name })).status).toBe(201);
    const groups = (await (await api('GET', 'machine-groups')).json()) as Array<{ id: string; name: string; fullName: string }>;
    const maskiner = groups.find((group) => group.name === 'Maskiner')!;
    const vendors = new Map(((await (await api('GET', 'vendors?limit=100')).json()) as Array<{ id: string; name: string }>).map((vendor) => [vendor.name, vendor.id]));
    const day = 86_400_000;
    // Expiries given with different offsets: only the instant counts (in 3 days is before in 30 days).
    const grants = [
      { vendor: 'Ålesund Kodeverksted AS', body: { mode: 'with_approval', expiresAt: new Date(Date.now() + 30 * day).toISOString() } },
      { vendor: 'Østfold Fjerndrift AS', body: { mode: 'with_approval', expiresAt: new Date(Date.now() + 3 * day).toISOString().replace('Z', '+00:00') } },
      { vendor: 'Bærum Journalteknikk AS', body: { mode: 'without_approval' } },
    ];
    for (const grant of grants) expect((await api('PUT', `machine-groups/${maskiner.id}/grants/${vendors.get(grant.vendor)}`, grant.body)).status).toBe(201);
    await page.getByRole('button', { name: 'Synkroniser nå' }).click();
    await page.locator('[data-testid="status-bar"][data-activity="idle"]').waitFor();

    await test.step('names in Norwegian order, and the order flips from the header', async () => {
      await page.getByRole('link', { name: 'Dine maskingrupper' }).click();
      const table = page.getByRole('table', { name: 'Dine maskingrupper' });
      const rows = page.getByTestId('group-row');
      await expect(rows).toHaveCount(GROUP_NAMES.length + 1);
      const norwegian = ['Berg', 'Bærum', 'Gruppe 9', 'Gruppe 10', 'Maskiner', LONG_GROUP, 'Zeta', 'Ærlig', 'Østre', 'Ålesund'];
      expect(await firstCells(rows)).toEqual(norwegian);
      const name = table.getByRole('columnheader', { name: 'Navn', exact: true });
      await expect(name).toHaveAttribute('aria-sort', 'ascending');
      await name.getByRole('button').click();
      await expect(name).toHaveAttribute('aria-sort', 'descending');
      expect(await firstCells(rows)).toEqual([...norwegian].reverse());
      await expect(page.getByRole('status').filter({ hasText: 'Sortert etter Navn, synkende' })).toBeAttached();

      // From the keyboard: the header's button, Enter.
      const fullName = table.getByRole('columnheader', { name: 'Fullt navn', exact: true });
      await fullName.getByRole('button').focus();
      await page.keyboard.press('Enter');
      await expect(fullName).toHaveAttribute('aria-sort', 'ascending');
      await expect(name).toHaveAttribute('aria-sort', 'none');
      expect(await rows.locator('td:nth-child(2)').allInnerTexts()).toEqual(sortByNames(norwegian.map((group) => `NorskHelsenetttest-${group}`), (value) => [value]));
    });

    await test.step('a value the column is too narrow for: cut with "…", whole on hover (title) and on keyboard focus', async () => {
      await page.setViewportSize({ width: 640, height: 420 });
      const row = page.getByTestId('group-row').filter({ has: page.getByRole('link', { name: LONG_GROUP, exact: true }) });
      const cell = row.locator('td').nth(1);
      const full = `NorskHelsenetttest-${LONG_GROUP}`;
      await expect(cell).toHaveAttribute('data-cut', 'true');
      await expect(cell).toHaveAttribute('title', full);
      expect(await cut(cell)).toBe(true);
      await page.screenshot({ path: test.info().outputPath('table-cut-value.png') });
      // Tab from the row's link reaches the cut cell, which then shows its value whole (wrapped).
      await row.getByRole('link', { name: LONG_GROUP, exact: true }).focus();
      await page.keyboard.press('Tab');
      await expect(cell).toBeFocused();
      expect(await cut(cell)).toBe(false);
      await expect(cell).toHaveText(full);
      await page.screenshot({ path: test.info().outputPath('table-cut-value-focused.png') });
      // Other values fit: no tooltip, no extra tab stop.
      await expect(page.getByTestId('group-row').filter({ hasText: 'NorskHelsenetttest-Berg' }).locator('td').nth(1)).not.toHaveAttribute('data-cut');
      expect(await layoutProblems(page, { tablesMayScroll: true })).toEqual([]);
      await page.setViewportSize({ width: 1280, height: 840 });
    });

    await test.step('the access review sorts times by the instant, "Aldri" last both ways; arrow keys move between rows', async () => {
      await page.getByRole('link', { name: 'Tilgangsgjennomgang' }).click();
      const table = page.getByRole('table', { name: 'Alle tilganger til dine maskingrupper' });
      const rows = page.getByTestId('review-row');
      await expect(rows).toHaveCount(3);
      const vendorsShown = () => rows.locator('td:nth-child(2)').allInnerTexts();
      expect(await vendorsShown()).toEqual(['Bærum Journalteknikk AS', 'Østfold Fjerndrift AS', 'Ålesund Kodeverksted AS']);
      const expires = table.getByRole('columnheader', { name: 'Utløper', exact: true });
      await expires.getByRole('button').click();
      await expect(expires).toHaveAttribute('aria-sort', 'ascending');
      expect(await vendorsShown()).toEqual(['Østfold Fjerndrift AS', 'Ålesund Kodeverksted AS', 'Bærum Journalteknikk AS']);
      await expires.getByRole('button').click();
      await expect(expires).toHaveAttribute('aria-sort', 'descending');
      expect(await vendorsShown()).toEqual(['Ålesund Kodeverksted AS', 'Østfold Fjerndrift AS', 'Bærum Journalteknikk AS']);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshotTable(page, table, 'review-table-nb.png');
    });

    await test.step('the same table in English', async () => {
      await page.getByRole('link', { name: 'Innstillinger' }).click();
      await page.getByLabel('Språk').selectOption('en');
      await page.getByRole('link', { name: 'Access review' }).click();
      const table = page.getByRole('table', { name: 'All access to your machine groups' });
      await expect(table.getByRole('columnheader', { name: 'Machine group', exact: true })).toHaveAttribute('aria-sort', 'ascending');
      await expect(page.getByTestId('review-summary')).toHaveText('3 grants. 1 without approval and with no expiry. 1 expires within 14 days.');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshotTable(page, table, 'review-table-en.png');
    });
  } finally {
    await harness.stop();
    await portal.kill();
  }
});

test('vendors in Norwegian order, a vendor with access says so, and the words fit the count', async ({ page }) => {
  test.setTimeout(120_000);
  const harness = await startHarnessProcess(['--activation-delay-ms', '0', '--group-sync-delay-ms', '0']);
  try {
    await page.goto(harness.url);
    await page.waitForSelector('html[data-app-ready="true"]');
    await signInThroughBrowser(page, harness);

    await test.step('before activation, "Brukere" lists the users without calling the list empty', async () => {
      await page.getByRole('link', { name: 'Brukere' }).click();
      await expect(page.getByTestId('user-list').getByRole('link')).toHaveCount(4);
      await expect(page.getByTestId('user-count')).toHaveText('4 av 4 brukere');
      await expect(page.getByText('Fjernhjelp er ikke aktivert ennå')).toBeVisible();
      await expect(page.locator('.users-screen')).not.toContainText(/\btom\b/i);
    });

    await page.getByRole('link', { name: /^Tjenester/ }).click();
    await page.getByLabel('Jeg aksepterer bruksvilkårene for fjernhjelp-tjenesten').check();
    await page.getByRole('button', { name: 'Aktiver fjernhjelp' }).click();
    await page.getByRole('button', { name: 'Synkroniser nå' }).click();
    await expect(page.getByTestId('service-status')).toHaveAttribute('data-status', 'active');

    const combobox = page.getByRole('combobox', { name: 'Leverandør' });
    const listbox = page.getByRole('listbox', { name: 'Leverandør' });
    await test.step('the vendor picker lists vendors in Norwegian order: Ålesund last, Østfold after Varangerbotn', async () => {
      await page.getByRole('link', { name: 'Dine maskingrupper' }).click();
      await page.getByRole('link', { name: 'Maskiner', exact: true }).click();
      await page.getByRole('button', { name: 'Legg til ny leverandør' }).click();
      await combobox.click();
      await expect(listbox.getByRole('option')).toHaveCount(DEMO_VENDOR_NAMES.length);
      expect(await listbox.getByRole('option').allInnerTexts()).toEqual(sortByNames(DEMO_VENDOR_NAMES, (name) => [name]));
      await combobox.pressSequentially('grønn');
      await expect(listbox.getByRole('option')).toHaveText(['Grønnåsen Helsedata AS']);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Legg til ny leverandør' }).click();
      await expect(page.getByTestId('grant-row')).toHaveCount(1);
    });

    await test.step('searching for a vendor that already has access says so', async () => {
      await page.getByRole('button', { name: 'Legg til ny leverandør' }).click();
      await combobox.pressSequentially('Grønnåsen');
      await expect(page.getByTestId('vendor-no-matches')).toHaveText('Grønnåsen Helsedata AS har allerede tilgang til maskingruppen.');
      await expect(page.getByText('Ingen leverandører passer søket.')).toHaveCount(0);
    });

    await test.step('one grant: "1 tilgang" / "1 grant", singular in both languages', async () => {
      await page.getByRole('link', { name: 'Tilgangsgjennomgang' }).click();
      await expect(page.getByTestId('review-summary')).toHaveText('1 tilgang. 0 uten godkjenning og uten utløpsdato. 0 utløper innen 14 dager.');
      await page.getByRole('link', { name: 'Innstillinger' }).click();
      await page.getByLabel('Språk').selectOption('en');
      await page.getByRole('link', { name: 'Access review' }).click();
      await expect(page.getByTestId('review-summary')).toHaveText('1 grant. 0 without approval and with no expiry. 0 expire within 14 days.');
      await page.getByRole('link', { name: 'Users' }).click();
      await page.getByLabel('Search users').fill('kari');
      await expect(page.getByTestId('user-count')).toHaveText('1 of 4 users');
    });
  } finally {
    await harness.stop();
  }
});

/** Whether the cell's value is cut off just now. */
function cut(cell: Locator): Promise<boolean> {
  return cell.locator('.cell').evaluate((element) => element.scrollWidth > element.clientWidth);
}

async function screenshotTable(page: Page, table: Locator, name: string): Promise<void> {
  await table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath(name) });
}

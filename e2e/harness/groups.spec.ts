import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, signInThroughBrowser, startHarnessProcess, test } from './harness-fixture';
import { dataDirWithProfile, startPortalProcess } from './portal-process';

/** Every channel the page has called over the harness bridge, so the test can tell what reached main. */
function recordBridgeCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('websocket', (socket) => {
    socket.on('framesent', (frame) => {
      if (typeof frame.payload !== 'string') return;
      const request = JSON.parse(frame.payload) as { channel?: string };
      if (request.channel) calls.push(request.channel);
    });
  });
  return calls;
}

// The large-organisation test is CPU-heavy (a ~110 000-row first sync): run this file's tests one after another.
test.describe.configure({ mode: 'default' });

async function checkScreen(page: Page, name: string): Promise<void> {
  // The picture first: axe takes a while, and the screen may change meanwhile (a pending group turns ready).
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`), `axe on ${name}`).toEqual([]);
}

test('a new administrator creates a machine group, gives vendors access, and sees the groups they can reach', async ({ page }) => {
  test.setTimeout(180_000);
  // New groups stay pending for 5 s: long enough to see the state on a busy machine, short enough to see it end.
  const harness = await startHarnessProcess(['--activation-delay-ms', '1500', '--group-sync-delay-ms', '5000']);
  const calls = recordBridgeCalls(page);
  try {
    await page.goto(harness.url);
    await page.waitForSelector('html[data-app-ready="true"]');
    await signInThroughBrowser(page, harness);
    const navigation = page.getByRole('navigation', { name: 'Hovedmeny' });

    await test.step('activate the service (the guide, chapter 1)', async () => {
      await page.getByLabel('Jeg aksepterer bruksvilkårene for fjernhjelp-tjenesten').check();
      await page.getByRole('button', { name: 'Aktiver fjernhjelp' }).click();
      await expect(page.getByTestId('service-status')).toHaveAttribute('data-status', /activating|active/);
      await page.getByRole('button', { name: 'Synkroniser nå' }).click();
      await expect(page.getByTestId('service-status')).toHaveAttribute('data-status', 'active', { timeout: 15_000 });
    });

    const groupsTable = page.getByRole('table', { name: 'Dine maskingrupper' });
    await test.step('"Dine maskingrupper" lists the standard group "Maskiner"', async () => {
      await navigation.getByRole('link', { name: 'Dine maskingrupper' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dine maskingrupper');
      await expect(page.getByText(/For at en leverandør skal kunne fjernstyre dine maskiner/)).toBeVisible();
      const maskiner = groupsTable.getByRole('row').filter({ has: page.getByRole('link', { name: 'Maskiner', exact: true }) });
      await expect(maskiner).toContainText('NorskHelsenetttest-Maskiner');
      await checkScreen(page, 'groups-list');
    });

    const nameField = page.getByLabel('Navn', { exact: true });
    const preview = page.getByTestId('group-name-preview');
    const budget = page.getByTestId('group-name-budget');
    await test.step('"Ny maskingruppe" previews the full name and counts the 60-character budget', async () => {
      await page.getByRole('button', { name: 'Legg til ny maskingruppe' }).click();
      await expect(page.getByRole('heading', { name: 'Ny maskingruppe' })).toBeVisible();
      await expect(nameField).toBeFocused();
      await expect(budget).toHaveText('0 av 42 tegn');
      await nameField.pressSequentially('Røntgen');
      await expect(preview).toHaveText('Fullt navn: NorskHelsenetttest-Røntgen');
      await expect(budget).toHaveText('7 av 42 tegn');
      await expect(nameField).not.toHaveAttribute('aria-invalid', 'true');
    });

    await test.step('too long and duplicate names are refused before anything is sent', async () => {
      const submit = page.getByRole('button', { name: 'Legg til ny maskingruppe' });
      await nameField.fill('x'.repeat(43));
      await expect(budget).toHaveText('43 av 42 tegn');
      await expect(nameField).toHaveAttribute('aria-invalid', 'true');
      await expect(nameField).toHaveAccessibleDescription(/maks 42 tegn/);
      await submit.click();
      await expect(page.getByTestId('group-name-error')).toContainText('Navnet er for langt: maks 42 tegn');
      await checkScreen(page, 'groups-new-too-long');

      await nameField.fill('maskiner');
      await expect(page.getByTestId('group-name-error')).toHaveText('Det finnes allerede en maskingruppe med navnet «maskiner» i virksomheten.');
      await expect(nameField).toHaveAttribute('aria-invalid', 'true');
      await submit.click();
      await expect(nameField).toBeFocused();

      // Invisible characters (the shared free-text rule) and compatibility forms (the uniqueness key), live.
      await nameField.fill('Mask\u200biner');
      await expect(page.getByTestId('group-name-error')).toHaveText(/^Navnet inneholder et usynlig tegn eller et kontrolltegn/);
      await expect(nameField).toHaveAttribute('aria-invalid', 'true');
      await nameField.fill('\uff2d\uff41\uff53\uff4b\uff49\uff4e\uff45\uff52');
      await expect(page.getByTestId('group-name-error')).toHaveText('Det finnes allerede en maskingruppe med navnet «\uff2d\uff41\uff53\uff4b\uff49\uff4e\uff45\uff52» i virksomheten.');

      await nameField.fill('');
      await expect(page.getByTestId('group-name-error')).toHaveText('Skriv inn et navn på maskingruppen.');
      expect(calls.filter((channel) => channel === 'groups.create')).toEqual([]);
    });

    await test.step('a new group shows its pending sync state, then becomes ready', async () => {
      await nameField.fill('Røntgen lab');
      await expect(page.getByTestId('group-name-error')).toHaveText('');
      await page.getByRole('button', { name: 'Legg til ny maskingruppe' }).click();
      await expect(page.getByTestId('group-created')).toContainText('NorskHelsenetttest-Røntgen lab');
      await expect(page.getByRole('heading', { name: 'Ny maskingruppe' })).toBeHidden();
      await expect(page.getByRole('button', { name: 'Legg til ny maskingruppe' })).toBeFocused();
      const row = groupsTable.getByRole('row').filter({ has: page.getByRole('link', { name: 'Røntgen lab' }) });
      await expect(row).toContainText('NorskHelsenetttest-Røntgen lab');
      await expect(row.getByTestId('group-sync-state')).toHaveText(/^Synkroniseres – forventet klar /);
      await checkScreen(page, 'groups-new-pending');
      await expect(row.getByTestId('group-sync-state')).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
      expect(calls.filter((channel) => channel === 'groups.create')).toHaveLength(1);
    });

    const grantRows = page.getByTestId('grant-row');
    const combobox = page.getByRole('combobox', { name: 'Leverandør' });
    const listbox = page.getByRole('listbox', { name: 'Leverandør' });
    await test.step('open the group from the keyboard', async () => {
      await page.getByRole('link', { name: 'Røntgen lab' }).focus();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Røntgen lab');
      await expect(page.getByRole('heading', { name: 'Leverandører med tilgang' })).toBeVisible();
      await expect(page.getByText('I listen nedenfor ser du hvilke leverandører som har tilgang til maskingruppen.')).toBeVisible();
      await expect(page.getByTestId('no-grants')).toBeVisible();
    });

    await test.step('give "Østfold Fjerndrift AS" access with approval, found by typing without diacritics', async () => {
      await page.getByRole('button', { name: 'Legg til ny leverandør' }).click();
      await expect(page.getByRole('heading', { name: 'Ny leverandør' })).toBeVisible();
      await expect(combobox).toBeFocused();
      await expect(combobox).toHaveAttribute('aria-expanded', 'false');
      await combobox.pressSequentially('ostfold');
      await expect(combobox).toHaveAttribute('aria-expanded', 'true');
      await expect(listbox.getByRole('option')).toHaveText(['Østfold Fjerndrift AS']);
      await page.keyboard.press('ArrowDown');
      const option = listbox.getByRole('option', { name: 'Østfold Fjerndrift AS' });
      await expect(option).toHaveAttribute('aria-selected', 'true');
      await expect(combobox).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id'))!);
      await checkScreen(page, 'group-new-vendor-combobox');
      await page.keyboard.press('Enter');
      await expect(combobox).toHaveValue('Østfold Fjerndrift AS');
      await expect(combobox).toHaveAttribute('aria-expanded', 'false');

      const withApproval = page.getByRole('radio', { name: 'Tilgang med godkjenning' });
      await expect(withApproval).toBeChecked();
      await expect(withApproval).toHaveAccessibleDescription(/må du aktivt godkjenne hver gang/);
      const info = page.getByRole('button', { name: 'Om Tilgang uten godkjenning' });
      await info.hover();
      await expect(page.getByRole('tooltip')).toContainText('uten at du må godkjenne tilkoblingen');
      await checkScreen(page, 'group-new-vendor-tooltip');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('tooltip')).toBeHidden();

      await page.getByRole('button', { name: 'Legg til ny leverandør' }).click();
      await expect(page.getByTestId('grant-notice')).toContainText('Østfold Fjerndrift AS har fått tilgang til NorskHelsenetttest-Røntgen lab');
      await expect(grantRows).toHaveCount(1);
      await expect(grantRows.first()).toHaveAttribute('data-mode', 'with_approval');
      await expect(grantRows.first()).toContainText('demo.admin');
      await expect(grantRows.first().getByTestId('grant-expires')).toHaveText('Aldri');
    });

    await test.step('give "Bærum Journalteknikk AS" access without approval for a week; Østfold is not offered again', async () => {
      await page.getByRole('button', { name: 'Legg til ny leverandør' }).click();
      await combobox.pressSequentially('ostf');
      // Not "no vendors match": the one that matches already has access, and the form says so.
      await expect(page.getByTestId('vendor-no-matches')).toHaveText('Østfold Fjerndrift AS har allerede tilgang til maskingruppen.');
      await expect(combobox).toHaveAttribute('aria-expanded', 'false');
      await combobox.fill('');
      await combobox.pressSequentially('baerum');
      await expect(listbox.getByRole('option')).toHaveText(['Bærum Journalteknikk AS']);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect(combobox).toHaveValue('Bærum Journalteknikk AS');
      await page.getByRole('radio', { name: 'Tilgang uten godkjenning' }).check();
      await page.getByRole('radio', { name: '1 uke' }).check();
      await checkScreen(page, 'group-new-vendor-filled');
      await page.getByRole('button', { name: 'Legg til ny leverandør' }).click();
      await expect(grantRows).toHaveCount(2);
      const baerum = grantRows.filter({ hasText: 'Bærum Journalteknikk AS' });
      await expect(baerum).toHaveAttribute('data-mode', 'without_approval');
      await expect(baerum.getByTestId('grant-expires')).not.toHaveText('Aldri');
    });

    await test.step('loosening a grant to "uten godkjenning" asks first, like "Fjern"; "Gitt" stays the first grant', async () => {
      const ostfold = grantRows.filter({ hasText: 'Østfold Fjerndrift AS' });
      const granted = await ostfold.getByTestId('grant-granted').textContent();
      const mode = page.getByRole('combobox', { name: 'Tilgang for Østfold Fjerndrift AS' });
      // In focus, as a click or Tab puts it (selectOption alone does not).
      await mode.focus();
      await mode.selectOption({ label: 'Tilgang uten godkjenning' });
      const dialog = page.getByRole('dialog', { name: 'Gi Østfold Fjerndrift AS tilgang uten godkjenning?' });
      await expect(dialog).toContainText(
        'Østfold Fjerndrift AS kan da koble seg til maskinene i NorskHelsenetttest-Røntgen lab uten at du aktivt må godkjenne tilkoblingen.',
      );
      await checkScreen(page, 'group-loosen-confirm');
      // Cancelling changes nothing, and focus goes back to the choice.
      await dialog.getByRole('button', { name: 'Avbryt' }).click();
      await expect(dialog).toBeHidden();
      await expect(ostfold).toHaveAttribute('data-mode', 'with_approval');
      await expect(mode).toHaveValue('with_approval');
      await expect(mode).toBeFocused();

      await mode.selectOption({ label: 'Tilgang uten godkjenning' });
      await dialog.getByRole('button', { name: 'Endre til uten godkjenning' }).click();
      await expect(dialog).toBeHidden();
      await expect(ostfold).toHaveAttribute('data-mode', 'without_approval');
      await expect(page.getByTestId('grant-notice')).toContainText('Østfold Fjerndrift AS');
      await expect(ostfold.getByTestId('grant-granted')).toHaveText(granted!);
    });

    await test.step('tightening to "med godkjenning" needs no confirmation; a time-limited access keeps its expiry', async () => {
      const baerum = grantRows.filter({ hasText: 'Bærum Journalteknikk AS' });
      const expiry = await baerum.getByTestId('grant-expires').textContent();
      await page.getByRole('combobox', { name: 'Tilgang for Bærum Journalteknikk AS' }).selectOption('with_approval');
      await expect(baerum).toHaveAttribute('data-mode', 'with_approval');
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await expect(baerum.getByTestId('grant-expires')).toHaveText(expiry!);
      await checkScreen(page, 'group-detail-grants');
    });

    await test.step('"Fjern" asks first, naming the vendor and the group', async () => {
      await page.getByRole('button', { name: 'Fjern Bærum Journalteknikk AS' }).click();
      const dialog = page.getByRole('dialog', { name: 'Fjerne tilgangen?' });
      await expect(dialog).toContainText('Bærum Journalteknikk AS mister tilgangen til maskingruppen NorskHelsenetttest-Røntgen lab');
      await checkScreen(page, 'group-remove-confirm');
      await dialog.getByRole('button', { name: 'Avbryt' }).click();
      await expect(dialog).toBeHidden();
      await expect(grantRows).toHaveCount(2);

      await page.getByRole('button', { name: 'Fjern Bærum Journalteknikk AS' }).click();
      await dialog.getByRole('button', { name: 'Fjern', exact: true }).click();
      await expect(grantRows).toHaveCount(1);
      await expect(grantRows.first()).toContainText('Østfold Fjerndrift AS');
      await expect(page.getByTestId('grant-notice')).toContainText('Bærum Journalteknikk AS har ikke lenger tilgang');
    });

    await test.step('"Maskingrupper du har tilgang til" marks access without approval with a laptop, and filters by organisation', async () => {
      await navigation.getByRole('link', { name: 'Maskingrupper du har tilgang til' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Maskingrupper du har tilgang til');
      await expect(page.getByText(/Hvis maskingruppen har et ikon av en bærbar maskin ved seg/)).toBeVisible();
      const rows = page.getByTestId('accessible-row');
      await expect(rows).toHaveCount(2);
      const servere = rows.filter({ hasText: 'Servere' });
      await expect(servere).toContainText('Bærum Journalteknikk AS');
      await expect(servere.getByRole('img', { name: 'Bærbar maskin' })).toBeVisible();
      await expect(servere).toContainText('Uten godkjenning');
      const maskiner = rows.filter({ hasText: 'Østfold Fjerndrift AS' });
      await expect(maskiner).toContainText('Med godkjenning');
      await expect(maskiner.getByRole('img')).toHaveCount(0);
      await checkScreen(page, 'accessible-groups');

      await page.getByLabel('Organisasjon').selectOption({ label: 'Østfold Fjerndrift AS' });
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText('Østfold Fjerndrift AS');
      await expect(page.getByTestId('accessible-count')).toHaveText('Viser 1 av 2');
      await checkScreen(page, 'accessible-groups-filtered');
    });
  } finally {
    await harness.stop();
  }
});

test('with 2000 machine groups the list renders only the rows in view and still reaches the last one', async ({ page }) => {
  test.setTimeout(240_000);
  const portal = await startPortalProcess(['--seed', 'large:10000']);
  const harness = await startHarnessProcess([], { dataDir: dataDirWithProfile(portal), portalUrl: portal.url });
  try {
    await page.goto(harness.url);
    await page.waitForSelector('html[data-app-ready="true"]');
    await signInThroughBrowser(page, harness);
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Dine maskingrupper' }).click();
    const table = page.getByRole('table', { name: 'Dine maskingrupper' });
    // The first sync brings ~110 000 rows; the list fills as its pages land.
    await expect(table).toHaveAttribute('aria-rowcount', '2001', { timeout: 180_000 });
    const rendered = await page.getByTestId('group-row').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(100);
    await checkScreen(page, 'groups-list-large');

    await table.locator('xpath=ancestor::div[contains(@class, "data-table")]').evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    // Sorted by name: "Gruppe 000002" … "Gruppe 002000", then "Maskiner" last.
    const last = page.getByRole('link', { name: 'Maskiner', exact: true });
    await expect(last).toBeVisible();
    await expect(last.locator('xpath=ancestor::tr')).toHaveAttribute('aria-rowindex', '2001');
    expect(await page.getByTestId('group-row').count()).toBeLessThan(100);
    await page.getByRole('link', { name: 'Gruppe 002000' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gruppe 002000');
  } finally {
    await harness.stop();
    await portal.kill();
  }
});

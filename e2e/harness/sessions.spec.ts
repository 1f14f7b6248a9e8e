import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { readFileSync, statSync } from 'node:fs';
import { compareNames } from '../../common/sorting/name-collation';
import { expect, signInAndActivate, startHarnessProcess, test } from './harness-fixture';
import { untranslatedTexts } from './ui-texts';

const OSLO_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\+0[12]:00$/;

async function noSeriousAxeViolations(page: Page, where: string): Promise<void> {
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`), `axe on ${where}`).toEqual([]);
}

/** The file the notice says was saved: owner-only, and its path. */
async function savedFile(page: Page, extension: 'csv' | 'pdf'): Promise<string> {
  const notice = page.getByTestId('sessions-exported');
  await expect(notice).toHaveAttribute('data-format', extension);
  const path = new RegExp(`(/\\S+\\.${extension})`).exec((await notice.textContent()) ?? '')?.[1];
  expect(path, 'the notice names the saved file').toBeTruthy();
  expect(statSync(path!).mode & 0o777).toBe(0o600);
  return path!;
}

/**
 * "Fjernhjelpsøkter" against the demo portal, whose seed has the demo organisation's own technicians' sessions on
 * the two groups other organisations granted it (some without approval outside working hours): the portal shows a
 * vendor its technicians' sessions, and the screen says where each was ("Hvor"). The screen in Norwegian and
 * English, filtered and sorted, exported to CSV and PDF. The demo's own groups have no sessions, so "Sist brukt" on
 * the organisation's own grants is checked against a real MeshCentral session in meshcentral.spec.ts.
 */
test('the sessions screen lists, filters, sorts and exports the sessions, and says where each was', async ({ page }) => {
  test.setTimeout(240_000);
  const harness = await startHarnessProcess(['--activation-delay-ms', '0', '--group-sync-delay-ms', '0']);
  try {
    await signInAndActivate(page, harness);
    await page.getByRole('button', { name: 'Synkroniser nå' }).click();
    await page.locator('[data-testid="status-bar"][data-activity="idle"]').waitFor();
    const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
    const rows = page.getByTestId('session-row');
    const count = page.getByTestId('sessions-count');

    await test.step('the screen, in Norwegian, newest first, in Oslo time', async () => {
      await nav.getByRole('link', { name: 'Fjernhjelpsøkter' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fjernhjelpsøkter');
      await expect(page.getByTestId('sessions-time-zone')).toContainText('Alle tider er norsk tid (Europe/Oslo). Arbeidstid: mandag–fredag kl. 08:00–16:00.');
      await expect(rows.first(), "the demo seed gives the demo organisation its technicians' sessions on the groups two vendors granted it").toBeVisible();
      await expect(count).toHaveText(/^Viser (\d+) av \1 økter?$/);
      const table = page.getByRole('table', { name: 'Fjernhjelpsøkter' });
      await expect(table.getByRole('columnheader', { name: /Tidspunkt/ })).toHaveAttribute('aria-sort', 'descending');
      await noSeriousAxeViolations(page, 'sessions (nb)');
      await page.screenshot({ path: test.info().outputPath('sessions-nb.png'), fullPage: true });
    });

    const total = Number(/av (\d+)/.exec((await count.textContent()) ?? '')?.[1]);

    await test.step('"Hvor": every session is one of our technicians\' at another organisation, none on our machines', async () => {
      for (const place of await rows.evaluateAll((elements) => elements.map((row) => row.getAttribute('data-place')))) expect(place).toBe('atOthers');
      // Said under the group, the place it was.
      await expect(rows.first().getByTestId('session-group')).toContainText('Våre teknikere hos andre');
      const where = page.getByLabel('Hvor');
      await where.selectOption({ label: 'På våre maskiner' });
      await expect(page.getByTestId('sessions-empty')).toHaveText('Ingen økter passer filteret.');
      await where.selectOption({ label: 'Våre teknikere hos andre' });
      await expect(count).toHaveText(new RegExp(`av ${total} `));
      await where.selectOption({ label: 'Alle' });
      await expect(count).toHaveText(new RegExp(`av ${total} `));
    });

    await test.step('filtered: outside working hours, then one vendor; every row shown fits', async () => {
      await page.getByLabel('Utenfor arbeidstid').selectOption({ label: 'Utenfor arbeidstid' });
      await expect(count).not.toHaveText(new RegExp(`av ${total} `));
      const outside = await rows.count();
      expect(outside, 'the demo has sessions outside working hours').toBeGreaterThan(0);
      for (const flag of await rows.evaluateAll((elements) => elements.map((row) => row.getAttribute('data-outside-hours')))) expect(flag).toBe('true');
      await expect(rows.first().getByTestId('session-outside')).toHaveText('Ja');
      await page.getByLabel('Utenfor arbeidstid').selectOption({ label: 'Alle' });
      await expect(count).toHaveText(new RegExp(`av ${total} `));

      const vendor = page.getByLabel('Leverandør');
      const firstVendor = (await vendor.locator('option').nth(1).textContent())!;
      await vendor.selectOption({ label: firstVendor });
      await expect(rows.first()).toHaveAttribute('data-vendor', firstVendor);
      for (const name of await rows.evaluateAll((elements) => elements.map((row) => row.getAttribute('data-vendor')))) expect(name).toBe(firstVendor);
      await vendor.selectOption({ label: 'Alle' });
      await expect(count).toHaveText(new RegExp(`av ${total} `));
    });

    await test.step('sorted by machine, in Norwegian order, from its header', async () => {
      const table = page.getByRole('table', { name: 'Fjernhjelpsøkter' });
      await table.getByRole('button', { name: /^Maskinnavn/ }).click();
      await expect(table.getByRole('columnheader', { name: /^Maskinnavn/ })).toHaveAttribute('aria-sort', 'ascending');
      // The machine's cell by its header's place: the row header (the time) and the cells in one order.
      const column = (await table.getByRole('columnheader').allTextContents()).findIndex((header) => header.startsWith('Maskinnavn'));
      expect(column).toBeGreaterThan(0);
      const machines = await rows.evaluateAll((elements, index) => elements.map((row) => row.querySelectorAll('th, td')[index]?.textContent ?? ''), column);
      expect(machines).toEqual([...machines].sort(compareNames));
    });

    await test.step('exported to CSV in the screen\'s words, ";"-separated, and to PDF', async () => {
      await page.getByRole('button', { name: 'Eksporter til CSV' }).click();
      const csvPath = await savedFile(page, 'csv');
      expect(csvPath).toMatch(/fjernhjelpsøkter-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = parse(readFileSync(csvPath, 'utf8'), { bom: true, columns: true, delimiter: ';' }) as Array<Record<string, string>>;
      expect(csv).toHaveLength(total);
      expect(Object.keys(csv[0]!)).toEqual(['Startet (Europe/Oslo)', 'Avsluttet (Europe/Oslo)', 'Hvor', 'Leverandør', 'Bruker', 'Maskingruppe', 'Maskinnavn', 'Type', 'Godkjenning', 'Utenfor arbeidstid', 'Økt-ID']);
      for (const row of csv) {
        expect(row['Startet (Europe/Oslo)']).toMatch(OSLO_TIMESTAMP);
        expect(row['Hvor']).toBe('Våre teknikere hos andre');
        expect(['Ja', 'Nei']).toContain(row['Utenfor arbeidstid']);
        expect(['Uten godkjenning', 'Spurt, ikke besvart', 'Godkjent', 'Avvist']).toContain(row['Godkjenning']);
      }
      await page.getByRole('button', { name: 'Eksporter til PDF' }).click();
      expect(readFileSync(await savedFile(page, 'pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });

    await test.step('the same in English: no raw key, no Norwegian-only text', async () => {
      await nav.getByRole('link', { name: 'Innstillinger' }).click();
      await page.getByLabel('Språk').selectOption('en');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.getByRole('heading', { name: 'Working hours and access reviews' })).toBeVisible();
      await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Remote-support sessions' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Remote-support sessions');
      await expect(page.getByTestId('sessions-time-zone')).toContainText('Working hours: Monday–Friday, 08:00–16:00.');
      await expect(count).toHaveText(new RegExp(`^Showing \\d+ of ${total} sessions?$`));
      await expect(page.getByRole('table', { name: 'Remote-support sessions' }).getByRole('columnheader', { name: /Approval/ })).toBeVisible();
      await expect(rows.first().getByTestId('session-group')).toContainText('Our technicians at others');
      await expect(page.getByLabel('Where')).toBeVisible();
      expect(await untranslatedTexts(page), 'untranslated on the sessions screen').toEqual([]);
      await noSeriousAxeViolations(page, 'sessions (en)');
      await page.screenshot({ path: test.info().outputPath('sessions-en.png'), fullPage: true });

      await page.getByRole('button', { name: 'Export to CSV' }).click();
      const csv = parse(readFileSync(await savedFile(page, 'csv'), 'utf8'), { bom: true, columns: true, delimiter: ',' }) as Array<Record<string, string>>;
      expect(Object.keys(csv[0]!)).toEqual(['Started (Europe/Oslo)', 'Ended (Europe/Oslo)', 'Where', 'Vendor', 'User', 'Machine group', 'Machine name', 'Type', 'Approval', 'Outside working hours', 'Session ID']);
      expect(new Set(csv.map((row) => row['Where']))).toEqual(new Set(['Our technicians at others']));
    });
  } finally {
    await harness.stop();
  }
});

test('the review settings: working hours refused at their field, saved, and judged by on the sessions screen', async ({ page }) => {
  test.setTimeout(180_000);
  const harness = await startHarnessProcess(['--activation-delay-ms', '0', '--group-sync-delay-ms', '0']);
  try {
    await signInAndActivate(page, harness);
    const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
    await nav.getByRole('link', { name: 'Innstillinger' }).click();
    const form = page.getByTestId('review-settings-form');
    await expect(form.getByLabel('Arbeidsdagen begynner')).toHaveValue('08:00');
    await expect(form.getByLabel('Arbeidsdagen slutter')).toHaveValue('16:00');
    await expect(form.getByLabel('Dager med bruk tilgangsgjennomgangen ser på')).toHaveValue('90');
    await expect(form.getByLabel('Påminnelse dager før fristen')).toHaveValue('7');
    for (const day of ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag']) await expect(form.getByLabel(day, { exact: true })).toBeChecked();
    for (const day of ['lørdag', 'søndag']) await expect(form.getByLabel(day, { exact: true })).not.toBeChecked();

    // The form's own check: no time.
    await form.getByLabel('Arbeidsdagen begynner').fill('kl 8');
    await form.getByRole('button', { name: 'Lagre innstillingene' }).click();
    await expect(form.getByText('Skriv klokkeslettet som tt:mm, for eksempel 08:00.')).toBeVisible();
    await expect(form.getByLabel('Arbeidsdagen begynner')).toBeFocused();
    // Main's check, through the contract: the day ends before it starts; and at least one working day.
    await form.getByLabel('Arbeidsdagen begynner').fill('17:00');
    for (const day of ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag']) await form.getByLabel(day, { exact: true }).uncheck();
    await form.getByRole('button', { name: 'Lagre innstillingene' }).click();
    await expect(form.getByText('Arbeidsdagen må slutte etter at den begynner.')).toBeVisible();
    await expect(form.getByText('Velg minst én arbeidsdag.')).toBeVisible();
    await expect(form.getByLabel('Arbeidsdagen slutter')).toBeFocused();
    await noSeriousAxeViolations(page, 'settings with field errors (nb)');

    await form.getByLabel('Arbeidsdagen begynner').fill('07:30');
    await form.getByLabel('Arbeidsdagen slutter').fill('15:30');
    for (const day of ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'lørdag']) await form.getByLabel(day, { exact: true }).check();
    await form.getByLabel('Dager med bruk tilgangsgjennomgangen ser på').fill('30');
    await form.getByRole('button', { name: 'Lagre innstillingene' }).click();
    await expect(page.getByText('Innstillingene er lagret.')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('review-settings-nb.png'), fullPage: true });

    await nav.getByRole('link', { name: 'Fjernhjelpsøkter' }).click();
    await expect(page.getByTestId('sessions-time-zone')).toContainText('Arbeidstid: mandag–torsdag og lørdag kl. 07:30–15:30.');
    // Kept after a reload: in the profile's cache.
    await page.reload();
    await page.waitForSelector('html[data-app-ready="true"]');
    await expect(page.getByTestId('sessions-time-zone')).toContainText('Arbeidstid: mandag–torsdag og lørdag kl. 07:30–15:30.');
  } finally {
    await harness.stop();
  }
});

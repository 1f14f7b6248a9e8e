import AxeBuilder from '@axe-core/playwright';
import { parse } from 'csv-parse/sync';
import { readFileSync, statSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { DEMO_ADMIN } from '../../server/seed/demo-credentials';
import { osloCalendarDate } from '../../common/time/oslo-time';
import { expect, signInAndActivate, startHarnessProcess, test } from './harness-fixture';
import { dataDirWithProfile, startPortalProcess } from './portal-process';
import { untranslatedTexts } from './ui-texts';

const RAW_ID = /[0-9a-f]{8}-[0-9a-f]{4}-|org-vendor-|user-demo-/;
const OSLO_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\+0[12]:00$/;

async function noSeriousAxeViolations(page: Page, where: string): Promise<void> {
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`), `axe on ${where}`).toEqual([]);
}

async function exportedRows(page: Page, button: string, delimiter: string): Promise<string[][]> {
  await page.getByRole('button', { name: button }).click();
  const notice = page.getByTestId('audit-exported');
  await expect(notice).toBeVisible();
  const path = /(\/\S+\.csv)/.exec((await notice.textContent()) ?? '')?.[1];
  expect(path, 'the notice names the saved file').toBeTruthy();
  expect(statSync(path!).mode & 0o777).toBe(0o600);
  const text = readFileSync(path!, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return parse(text, { bom: true, delimiter }) as string[][];
}

test('the audit log names objects as they were, in words, with the changes under the row clicked, and exports the same to CSV', async ({ page }) => {
  test.setTimeout(180_000);
  const portal = await startPortalProcess(['--activation-delay-ms', '0', '--group-sync-delay-ms', '0', '--dev-tokens']);
  const harness = await startHarnessProcess([], { dataDir: dataDirWithProfile(portal), portalUrl: portal.url });
  try {
    await signInAndActivate(page, harness);
    // Another administrator, straight at the portal: a group, a vendor's access given, loosened and removed.
    const token = async () =>
      ((await (await fetch(`${portal.url}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: DEMO_ADMIN.username }) })).json()) as { access_token: string }).access_token;
    const api = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${portal.url}/api/v1/${path}`, { method, headers: { authorization: `Bearer ${await token()}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
      expect(response.status, `${method} ${path}`).toBeLessThan(300);
      return response.status === 204 ? undefined : ((await response.json()) as unknown);
    };
    const group = (await api('POST', 'machine-groups', { name: 'Røntgen' })) as { id: string; fullName: string };
    const [vendor] = (await api('GET', 'vendors?query=ostfold')) as Array<{ id: string; name: string }>;
    await api('PUT', `machine-groups/${group.id}/grants/${vendor!.id}`, { mode: 'with_approval' });
    await api('PUT', `machine-groups/${group.id}/grants/${vendor!.id}`, { mode: 'without_approval' });
    await api('DELETE', `machine-groups/${group.id}/grants/${vendor!.id}`);
    await page.getByRole('button', { name: 'Synkroniser nå' }).click();

    await page.getByRole('link', { name: 'Revisjonslogg' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Revisjonslogg');
    await expect(page.getByTestId('audit-time-zone')).toHaveText('Alle tider er norsk tid (Europe/Oslo).');
    const rows = page.getByTestId('audit-row');
    const grantName = `${vendor!.name} til ${group.fullName}`;

    // Names, not ids: the grant keeps its vendor and group names after it is gone.
    await expect(page.getByTestId('audit-object').filter({ hasText: grantName })).toHaveCount(3);
    for (const text of await page.getByTestId('audit-object').allTextContents()) expect(text).not.toMatch(RAW_ID);

    // The filters offer words in Norwegian, never the portal's keys.
    const objectTypes = await page.getByLabel('Objekttype').locator('option').allTextContents();
    expect(objectTypes).toEqual(expect.arrayContaining(['Alle', 'Bruker', 'Maskingruppe', 'Tilgang', 'Tjeneste']));
    for (const option of [...objectTypes, ...(await page.getByLabel('Handling').locator('option').allTextContents())]) {
      expect(option).not.toMatch(/^[a-z]+[._A-Z][a-zA-Z_.]*$/);
    }
    await page.getByLabel('Objekttype').selectOption({ label: 'Tilgang' });
    await expect(rows).toHaveCount(3);
    await expect(page.getByTestId('audit-count')).toContainText('Viser 3 av');
    await expect(rows.filter({ hasText: 'Godkjenningsmetode endret' })).toHaveCount(1);

    // "Vis endringer" opens the change as a before → after list right under the row clicked.
    const loosened = rows.filter({ hasText: 'Godkjenningsmetode endret' });
    await loosened.getByRole('button', { name: `Vis endringer: Godkjenningsmetode endret, ${grantName}` }).click();
    const changes = page.getByTestId('audit-row-changes');
    await expect(changes).toHaveCount(1);
    await expect(loosened.locator('xpath=following-sibling::tr[1]')).toHaveAttribute('data-testid', 'audit-row-changes');
    const modeChange = changes.getByTestId('audit-change').first();
    await expect(modeChange.locator('dt')).toHaveText('Godkjenningsmetode');
    await expect(modeChange.locator('.audit-before')).toHaveText('Med godkjenning');
    await expect(modeChange.locator('.audit-after')).toHaveText('Uten godkjenning');
    // Every field by its name, every value in words: no keys, codes or JSON.
    for (const field of await changes.locator('dt').allTextContents()) expect(field).not.toMatch(/^[a-z]+[A-Z_]/);
    for (const code of ['without_approval', 'with_approval', '{', '"']) await expect(changes).not.toContainText(code);
    const rowBox = (await loosened.boundingBox())!;
    const changesBox = (await changes.boundingBox())!;
    expect(Math.abs(changesBox.y - (rowBox.y + rowBox.height))).toBeLessThan(2);
    await expect(loosened.getByRole('button', { name: 'Skjul endringer' })).toHaveAttribute('aria-expanded', 'true');
    await noSeriousAxeViolations(page, 'the audit log with an event opened (nb)');
    await page.screenshot({ path: test.info().outputPath('audit-nb.png'), fullPage: true });

    // A filter that removes the row closes its changes; they stay closed when the row comes back.
    await page.getByLabel('Handling').selectOption({ label: 'Tilgang fjernet' });
    await expect(rows).toHaveCount(1);
    await expect(changes).toHaveCount(0);
    await page.getByLabel('Handling').selectOption('');
    await expect(rows).toHaveCount(3);
    await expect(changes).toHaveCount(0);

    // Date fields follow the app language (dd.mm.åååå); a date that is no day says so and filters nothing.
    const today = osloCalendarDate(new Date());
    const [year, month, day] = today.split('-');
    const from = page.getByLabel('Fra dato');
    await expect(page.getByText('dd.mm.åååå').first()).toBeVisible();
    await from.fill('31.02.2026');
    await expect(page.getByText('Skriv datoen som dd.mm.åååå, for eksempel 31.12.2026.')).toBeVisible();
    await expect(from).toHaveAttribute('aria-invalid', 'true');
    await expect(rows).toHaveCount(3);
    await from.fill(`${day}.${month}.${Number(year) + 1}`);
    await expect(page.getByText('Ingen hendelser passer filteret.')).toBeVisible();
    // Typed the short way, it reads the same and is written out in full on leaving the field.
    await from.fill(`${Number(day)}.${Number(month)}.${year}`);
    await expect(rows).toHaveCount(3);
    await from.press('Tab');
    await expect(from).toHaveValue(`${day}.${month}.${year}`);
    await expect(from).not.toHaveAttribute('aria-invalid');

    // The CSV: Norwegian Excel's ";", one readable column each, the raw record last.
    const nbRows = await exportedRows(page, 'Eksporter til CSV', ';');
    expect(nbRows[0]).toEqual(['Tidspunkt (Europe/Oslo)', 'Utført av', 'Handling', 'Objekttype', 'Objekt', 'Endringer', 'Rådata (JSON)']);
    expect(nbRows).toHaveLength(4);
    for (const row of nbRows.slice(1)) {
      expect(row[0]).toMatch(OSLO_TIMESTAMP);
      expect(row.slice(1, 5)).toEqual(['demo.admin', expect.any(String), 'Tilgang', grantName]);
      expect((JSON.parse(row[6]!) as { objectId: string }).objectId).toBe(`${group.id}:${vendor!.id}`);
    }
    expect(nbRows.slice(1).map((row) => row[2]).sort()).toEqual(['Godkjenningsmetode endret', 'Leverandør fikk tilgang', 'Tilgang fjernet']);
    expect(nbRows.find((row) => row[2] === 'Godkjenningsmetode endret')?.[5]).toContain('Godkjenningsmetode: Med godkjenning → Uten godkjenning');

    // The same screen and file in English.
    await page.getByRole('link', { name: 'Innstillinger' }).click();
    await page.getByLabel('Språk').selectOption('en');
    await page.getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit log');
    const englishTypes = await page.getByLabel('Object type').locator('option').allTextContents();
    expect(englishTypes).toEqual(expect.arrayContaining(['All', 'Access', 'Machine group', 'Service', 'User']));
    await page.getByLabel('Object type').selectOption({ label: 'Access' });
    const englishName = `${vendor!.name} to ${group.fullName}`;
    await expect(page.getByTestId('audit-object').filter({ hasText: englishName })).toHaveCount(3);
    await expect(page.getByText('dd/mm/yyyy').first()).toBeVisible();
    await page.getByLabel('From date').fill(`${day}/${month}/${year}`);
    await expect(rows).toHaveCount(3);
    await rows.filter({ hasText: 'Approval method changed' }).getByRole('button', { name: /^Show changes/ }).click();
    const englishChange = changes.getByTestId('audit-change').first();
    await expect(englishChange.locator('dt')).toHaveText('Approval method');
    await expect(englishChange.locator('.audit-before')).toHaveText('With approval');
    await expect(englishChange.locator('.audit-after')).toHaveText('Without approval');
    expect(await untranslatedTexts(page)).toEqual([]);
    await noSeriousAxeViolations(page, 'the audit log with an event opened (en)');
    await page.screenshot({ path: test.info().outputPath('audit-en.png'), fullPage: true });
    const enRows = await exportedRows(page, 'Export to CSV', ',');
    expect(enRows[0]).toEqual(['Time (Europe/Oslo)', 'Done by', 'Action', 'Object type', 'Object', 'Changes', 'Raw record (JSON)']);
    expect(enRows.slice(1).map((row) => row[4])).toEqual([englishName, englishName, englishName]);
  } finally {
    await harness.stop();
    await portal.kill();
  }
});

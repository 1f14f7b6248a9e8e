import AxeBuilder from '@axe-core/playwright';
import { readFileSync, statSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { DEMO_ADMIN } from '../../server/seed/demo-credentials';
import { expect, signInAndActivate, startHarnessProcess, test } from './harness-fixture';
import { dataDirWithProfile, startPortalProcess } from './portal-process';

test('the access review lists every grant with what needs attention, filters, and keeps working offline', async ({ page }) => {
  const portal = await startPortalProcess(['--activation-delay-ms', '0', '--group-sync-delay-ms', '0', '--dev-tokens']);
  const harness = await startHarnessProcess([], { dataDir: dataDirWithProfile(portal), portalUrl: portal.url });
  try {
    await signInAndActivate(page, harness);

    // Another administrator (through the portal's API) gives three vendors access meanwhile.
    const token = ((await (await fetch(`${portal.url}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: DEMO_ADMIN.username }) })).json()) as { access_token: string }).access_token;
    const api = (method: string, path: string, body?: unknown) =>
      fetch(`${portal.url}/api/v1/${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    const groups = (await (await api('GET', 'machine-groups')).json()) as Array<{ id: string; name: string }>;
    const vendors = (await (await api('GET', 'vendors?limit=3')).json()) as Array<{ id: string; name: string }>;
    const maskiner = groups.find((group) => group.name === 'Maskiner')!;
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString();
    expect((await api('PUT', `machine-groups/${maskiner.id}/grants/${vendors[0]!.id}`, { mode: 'without_approval' })).status).toBe(201);
    expect((await api('PUT', `machine-groups/${maskiner.id}/grants/${vendors[1]!.id}`, { mode: 'with_approval', expiresAt: soon })).status).toBe(201);
    expect((await api('PUT', `machine-groups/${maskiner.id}/grants/${vendors[2]!.id}`, { mode: 'with_approval' })).status).toBe(201);

    await page.getByRole('button', { name: 'Synkroniser nå' }).click();
    await page.getByRole('link', { name: 'Tilgangsgjennomgang' }).click();
    await expect(page.getByTestId('review-summary')).toHaveText('3 tilganger. 1 uten godkjenning og uten utløpsdato. 1 utløper innen 14 dager.');
    await expect(page.getByTestId('review-data-age')).toContainText('Data fra kundeportalen per');
    await expect(page.getByTestId('review-row')).toHaveCount(3);
    await expect(page.locator('[data-attention]')).toContainText('Uten godkjenning');

    await page.getByLabel('Tilgang', { exact: true }).selectOption('without_approval');
    await expect(page.getByTestId('review-row')).toHaveCount(1);
    await expect(page.getByTestId('review-row')).toContainText(vendors[0]!.name);
    await page.getByLabel('Tilgang', { exact: true }).selectOption('');
    await page.getByLabel('Utløper innen').selectOption('7');
    await expect(page.getByTestId('review-row')).toHaveCount(1);
    await expect(page.getByTestId('review-row')).toContainText(vendors[1]!.name);

    // "Eksporter til CSV" from the main review writes what the filter shows, in the campaign file's words and dialect.
    await page.getByRole('button', { name: 'Eksporter til CSV' }).click();
    const exported = page.getByTestId('review-exported');
    await expect(exported).toHaveText(/^Lagret 1 tilgang i .+\.csv\.$/);
    await expect(exported).toHaveClass(/\bsuccess\b/);
    const csvPath = /i (.+\.csv)\.$/.exec((await exported.textContent())!)![1]!;
    expect(csvPath).toMatch(/tilgangsgjennomgang-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(statSync(csvPath).mode & 0o777).toBe(0o600);
    const csvRows = parse(readFileSync(csvPath, 'utf8'), { bom: true, columns: true, delimiter: ';' }) as Array<Record<string, string>>;
    expect(csvRows).toEqual([
      expect.objectContaining({ Maskingruppe: expect.stringContaining('Maskiner'), 'Leverandør': vendors[1]!.name, Tilgang: 'Med godkjenning', Beslutning: 'Aldri vurdert' }),
    ]);
    expect(csvRows[0]!['Utløper']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\+0[12]:00$/);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')).toEqual([]);
    await page.screenshot({ path: test.info().outputPath('review.png'), fullPage: true });

    await portal.kill();
    await page.getByRole('button', { name: 'Synkroniser nå' }).click();
    await expect(page.getByTestId('review-data-age')).toContainText('Du er frakoblet. Oversikten viser data fra kundeportalen per');
    await page.getByLabel('Utløper innen').selectOption('');
    await expect(page.getByTestId('review-row')).toHaveCount(3);

    // A row's group name opens that group (by keyboard too), where its vendors' access is changed.
    const groupLink = page.getByTestId('review-row').first().getByRole('link', { name: 'Maskiner', exact: true });
    await groupLink.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Maskiner');
    await expect(page).toHaveURL(new RegExp(`#/group/${encodeURIComponent(maskiner.id)}$`));
  } finally {
    await harness.stop();
    await portal.kill();
  }
});

import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { DEMO_ADMIN } from '../../server/seed/demo-credentials';
import { expect, signInAndActivate, startHarnessProcess, test } from './harness-fixture';
import { dataDirWithProfile, startPortalProcess } from './portal-process';
import { untranslatedTexts } from './ui-texts';

test('a review campaign: decided offline across a crash, exported, then completed online with the removals gone', async ({ page }) => {
  test.setTimeout(180_000);
  const portal = await startPortalProcess(['--activation-delay-ms', '0', '--group-sync-delay-ms', '0', '--dev-tokens']);
  const harness = await startHarnessProcess([], { dataDir: dataDirWithProfile(portal), portalUrl: portal.url });
  try {
    await signInAndActivate(page, harness);
    // Another administrator, straight at the portal's API (a fresh token each time: the portal restarts below).
    const devToken = async () =>
      ((await (await fetch(`${portal.url}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: DEMO_ADMIN.username }) })).json()) as { access_token: string }).access_token;
    const api = async (method: string, path: string, body?: unknown) =>
      fetch(`${portal.url}/api/v1/${path}`, { method, headers: { authorization: `Bearer ${await devToken()}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    const maskiner = ((await (await api('GET', 'machine-groups')).json()) as Array<{ id: string; name: string; fullName: string }>).find((group) => group.name === 'Maskiner')!;
    const [unattended, approved, leaving] = (await (await api('GET', 'vendors?limit=3')).json()) as Array<{ id: string; name: string }>;
    await api('PUT', `machine-groups/${maskiner.id}/grants/${unattended!.id}`, { mode: 'without_approval' });
    await api('PUT', `machine-groups/${maskiner.id}/grants/${approved!.id}`, { mode: 'with_approval' });
    await api('PUT', `machine-groups/${maskiner.id}/grants/${leaving!.id}`, { mode: 'with_approval' });
    await page.getByRole('button', { name: 'Synkroniser nå' }).click();

    // Start the campaign online.
    await page.getByRole('link', { name: 'Tilgangsgjennomgang' }).click();
    await expect(page.getByTestId('review-row')).toHaveCount(3);
    await expect(page.getByTestId('last-reviewed')).toHaveText(['Aldri vurdert', 'Aldri vurdert', 'Aldri vurdert']);
    await page.getByRole('button', { name: 'Ny gjennomgang' }).click();
    await page.getByRole('button', { name: 'Start gjennomgangen' }).click();
    await expect(page.getByText('Gi gjennomgangen et navn.')).toBeVisible();
    await expect(page.getByText('Velg en frist.')).toBeVisible();
    await page.getByLabel('Navn', { exact: true }).fill('Kvartalsgjennomgang Q4 2026');
    // The date field follows the app language (dd.mm.åååå), whatever the browser's locale.
    await page.getByLabel('Frist').fill('31.12.2099');
    await page.getByRole('button', { name: 'Start gjennomgangen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Kvartalsgjennomgang Q4 2026' })).toBeVisible();
    await expect(page.getByTestId('campaign-unpushed')).toHaveText('Alt er sendt til kundeportalen.');

    // The network goes: every decision is still saved at once.
    await portal.kill();
    await page.getByRole('button', { name: 'Synkroniser nå' }).click();
    await expect(page.getByRole('button', { name: 'Fullfør og fjern tilganger' })).toBeDisabled();
    const decide = (action: 'Behold' | 'Fjern', vendor: string) => page.getByRole('button', { name: `${action} tilgangen for ${vendor} til ${maskiner.fullName}` });
    await decide('Behold', unattended!.name).click();
    const dialog = page.getByRole('dialog', { name: 'Begrunn tilgang uten godkjenning' });
    await dialog.getByRole('button', { name: 'Behold med denne begrunnelsen' }).click();
    await expect(dialog.getByText('Tilgang uten godkjenning kan bare beholdes med en begrunnelse.')).toBeVisible();
    await dialog.getByLabel('Begrunnelse').fill('Vaktavtale for journalsystemet, sak 2026-117');
    await dialog.getByRole('button', { name: 'Behold med denne begrunnelsen' }).click();
    await expect(dialog).toBeHidden();
    // The rest at once through a filter, then one change of mind: a new record, not an edit.
    await page.getByLabel('Tilgang', { exact: true }).selectOption('with_approval');
    await page.getByRole('button', { name: 'Behold alle viste som ikke er vurdert (2)' }).click();
    await expect(page.getByTestId('campaign-progress')).toHaveText('3 av 3 vurdert');
    await page.getByLabel('Tilgang', { exact: true }).selectOption('');
    await decide('Fjern', leaving!.name).click();
    await expect(decide('Fjern', leaving!.name)).toHaveAttribute('aria-pressed', 'true');
    await expect(decide('Behold', approved!.name)).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('campaign-unpushed')).toHaveText('4 endringer venter på å bli sendt til kundeportalen.');

    // Exports work offline, to the folder "the user picked", owner-only.
    await page.getByRole('button', { name: 'Eksporter til CSV' }).click();
    await expect(page.getByTestId('campaign-exported')).toHaveAttribute('data-kind', 'csv');
    // Success reads as success (green), not as the yellow warning box.
    await expect(page.getByTestId('campaign-exported')).toHaveClass(/\bsuccess\b/);
    const csvPath = /i (.+\.csv)\.$/.exec((await page.getByTestId('campaign-exported').textContent())!)![1]!;
    await page.getByRole('button', { name: 'Eksporter PDF-rapport' }).click();
    await expect(page.getByTestId('campaign-exported')).toHaveAttribute('data-kind', 'pdf');
    const pdfPath = /i (.+\.pdf)\.$/.exec((await page.getByTestId('campaign-exported').textContent())!)![1]!;
    expect(statSync(csvPath).mode & 0o777).toBe(0o600);
    expect(statSync(pdfPath).mode & 0o777).toBe(0o600);
    // Norwegian Excel's dialect (";"), the screen's words, Oslo times with their offset.
    const rows = parse(readFileSync(csvPath, 'utf8'), { bom: true, columns: true, delimiter: ';' }) as Array<Record<string, string>>;
    expect(rows.map((row) => [row['Leverandør'], row['Beslutning']]).sort()).toEqual(
      [
        [unattended!.name, 'Beholdes'],
        [approved!.name, 'Beholdes'],
        [leaving!.name, 'Fjernes'],
      ].sort(),
    );
    expect(rows.every((row) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\+0[12]:00$/.test(row['Vurdert']!))).toBe(true);
    const pdfText = execFileSync('pdftotext', ['-raw', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const vendor of [unattended!, approved!, leaving!]) expect(pdfText).toContain(vendor.name);
    expect(pdfText).toContain('Vaktavtale for journalsystemet, sak 2026-117');

    // The app dies and comes back, still offline: nothing decided is lost.
    await harness.crashAndRestart();
    await page.goto(`${harness.url}/#/review`);
    await page.waitForSelector('html[data-app-ready="true"]');
    await page.getByRole('link', { name: 'Kvartalsgjennomgang Q4 2026' }).click();
    await expect(page.getByTestId('campaign-progress')).toHaveText('3 av 3 vurdert');
    await expect(page.getByTestId('campaign-unpushed')).toHaveText('4 endringer venter på å bli sendt til kundeportalen.');

    // Online again: the records go to the portal, then the final step removes what was decided.
    await portal.restart();
    await page.getByRole('button', { name: 'Synkroniser nå' }).click();
    await expect(page.getByTestId('campaign-unpushed')).toHaveText('Alt er sendt til kundeportalen.');
    const review = (await (await api('GET', 'access-reviews')).json()) as Array<{ id: string; decisionCount: number }>;
    expect(review.map((entry) => entry.decisionCount)).toEqual([4]);
    await page.getByRole('button', { name: 'Fullfør og fjern tilganger' }).click();
    const confirm = page.getByRole('dialog', { name: 'Fjerne 1 tilgang?' });
    await expect(confirm.getByTestId('confirm-removals')).toHaveText(`${leaving!.name} – ${maskiner.fullName}`);
    await confirm.getByRole('button', { name: 'Fullfør gjennomgangen' }).click();
    await expect(page.getByTestId('campaign-completed')).toHaveText('Gjennomgangen er fullført. 1 tilgang er fjernet.');
    // Where the admin is looking, not below the fold.
    await expect(page.getByTestId('campaign-completed')).toBeInViewport();
    await expect(page.getByTestId('campaign-completed')).toBeFocused();
    await expect(page.getByTestId('campaign-unpushed')).toHaveText('Alt er sendt til kundeportalen.');

    await page.getByRole('link', { name: 'Dine maskingrupper' }).click();
    await page.getByRole('link', { name: 'Maskiner', exact: true }).click();
    const vendorsTable = page.getByRole('table', { name: `Leverandører med tilgang til ${maskiner.fullName}` });
    await expect(vendorsTable).toContainText(unattended!.name);
    await expect(vendorsTable).toContainText(approved!.name);
    await expect(vendorsTable).not.toContainText(leaving!.name);

    await page.getByRole('link', { name: 'Tilgangsgjennomgang' }).click();
    await expect(page.getByTestId('last-reviewed')).toHaveCount(2);
    await expect(page.getByTestId('last-reviewed').first()).toContainText('Beholdes');
    await page.getByLabel('Vurdering').selectOption('never');
    await expect(page.getByText('Ingen tilganger passer filteret.')).toBeVisible();

    // The same screens in English, with no serious accessibility problem.
    await page.getByRole('link', { name: 'Innstillinger' }).click();
    await page.getByLabel('Språk').selectOption('en');
    for (const screen of ['review', 'campaign'] as const) {
      if (screen === 'review') await page.getByRole('link', { name: 'Access review' }).click();
      else await page.getByRole('link', { name: 'Kvartalsgjennomgang Q4 2026' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await untranslatedTexts(page), `untranslated on ${screen}`).toEqual([]);
      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id), `axe on ${screen}`).toEqual([]);
      await page.screenshot({ path: test.info().outputPath(`campaign-${screen}.png`), fullPage: true });
    }
  } finally {
    await harness.stop();
    await portal.kill();
  }
});

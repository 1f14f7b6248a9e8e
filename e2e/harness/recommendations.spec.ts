import AxeBuilder from '@axe-core/playwright';
import { randomUUID } from 'node:crypto';
import { DEMO_ADMIN } from '../../server/seed/demo-credentials';
import { expect, signInAndActivate, startHarnessProcess, test } from './harness-fixture';
import { dataDirWithProfile, startPortalProcess } from './portal-process';
import { untranslatedTexts } from './ui-texts';

const DAY = 86_400_000;

/** dd.mm.yyyy, as the app's Norwegian date field takes it, and yyyy-mm-dd, as the API does, for a day from today. */
function dayFromToday(days: number): { field: string; iso: string } {
  const date = new Date(Date.now() + days * DAY);
  const pad = (value: number) => String(value).padStart(2, '0');
  return { field: `${pad(date.getDate())}.${pad(date.getMonth() + 1)}.${date.getFullYear()}`, iso: `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` };
}

test('recommendations applied to the undecided items of a campaign, a reminder the harness records, and an overdue campaign shown as such', async ({ page }) => {
  test.setTimeout(180_000);
  const portal = await startPortalProcess(['--activation-delay-ms', '0', '--group-sync-delay-ms', '0', '--dev-tokens']);
  const harness = await startHarnessProcess([], { dataDir: dataDirWithProfile(portal), portalUrl: portal.url });
  try {
    await signInAndActivate(page, harness);
    const token = ((await (await fetch(`${portal.url}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: DEMO_ADMIN.username }) })).json()) as { access_token: string }).access_token;
    const api = async (method: string, path: string, body?: unknown) =>
      fetch(`${portal.url}/api/v1/${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    const maskiner = ((await (await api('GET', 'machine-groups')).json()) as Array<{ id: string; name: string; fullName: string }>).find((group) => group.name === 'Maskiner')!;
    const [unattended, approved, kept] = (await (await api('GET', 'vendors?limit=3')).json()) as Array<{ id: string; name: string }>;
    await api('PUT', `machine-groups/${maskiner.id}/grants/${unattended!.id}`, { mode: 'without_approval' });
    await api('PUT', `machine-groups/${maskiner.id}/grants/${approved!.id}`, { mode: 'with_approval' });
    await api('PUT', `machine-groups/${maskiner.id}/grants/${kept!.id}`, { mode: 'with_approval' });
    await page.getByRole('button', { name: 'Synkroniser nå' }).click();

    // The access review: no session has used these grants, so each is recommended removed, with its evidence.
    await page.getByRole('link', { name: 'Tilgangsgjennomgang' }).click();
    await expect(page.getByTestId('review-row')).toHaveCount(3);
    await expect(page.getByTestId('recommendation')).toHaveText(Array(3).fill('Anbefalt fjernet: aldri brukt'));
    await expect(page.getByTestId('grant-usage').first()).toContainText('Aldri brukt');
    await expect(page.getByTestId('grant-usage').first()).toContainText('0 økter siste 90 dager');
    await page.screenshot({ path: test.info().outputPath('recommendations-review-nb.png'), fullPage: true });

    // A campaign due in three days: inside the 7-day reminder window at once, so main reminds of it, once.
    const due = dayFromToday(3);
    await page.getByRole('button', { name: 'Ny gjennomgang' }).click();
    await page.getByLabel('Navn', { exact: true }).fill('Kvartalsvis kontroll');
    await page.getByLabel('Frist').fill(due.field);
    await page.getByRole('button', { name: 'Start gjennomgangen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Kvartalsvis kontroll' })).toBeVisible();
    await expect.poll(() => harness.notifications().map((notification) => notification.title)).toContain(`Gjennomgangen «Kvartalsvis kontroll» har frist ${due.field}`);
    expect(harness.notifications().find((notification) => notification.title.includes('har frist'))?.body).toBe('3 av 3 tilganger er ikke vurdert ennå. Fullfør gjennomgangen innen fristen.');

    // One decided by hand against the advice: applying the recommendations leaves it as it is.
    const decide = (action: 'Behold' | 'Fjern', vendor: string) => page.getByRole('button', { name: `${action} tilgangen for ${vendor} til ${maskiner.fullName}` });
    await decide('Behold', kept!.name).click();
    await expect(page.getByTestId('campaign-progress')).toHaveText('1 av 3 vurdert');
    await page.getByRole('button', { name: 'Bruk anbefalingene (2 ikke vurdert)' }).click();
    const confirm = page.getByRole('dialog', { name: 'Bruke anbefalingene?' });
    await expect(confirm).toContainText('Anbefalingene brukes på de 2 tilgangene som ikke er vurdert ennå:');
    await expect(confirm.getByTestId('apply-summary').getByRole('listitem')).toHaveText([
      '0 tilganger beholdes: brukt siste 90 dager.',
      '2 tilganger fjernes: ikke brukt siste 90 dager.',
    ]);
    await expect(confirm).toContainText('Ingen tilgang fjernes før du fullfører gjennomgangen.');
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id), 'axe with the dialog').toEqual([]);
    await confirm.getByRole('button', { name: 'Bruk anbefalingene' }).click();
    await expect(page.getByTestId('recommendations-applied')).toHaveText('Anbefalingene er brukt: 0 beholdes og 2 fjernes.');
    await expect(page.getByTestId('campaign-progress')).toHaveText('3 av 3 vurdert');
    await expect(decide('Behold', kept!.name)).toHaveAttribute('aria-pressed', 'true');
    await expect(decide('Fjern', unattended!.name)).toHaveAttribute('aria-pressed', 'true');
    await expect(decide('Fjern', approved!.name)).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('button', { name: /^Bruk anbefaling/ })).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('recommendations-campaign-nb.png'), fullPage: true });
    // Removal still waits for the final, online step, which asks again.
    await expect(page.getByRole('button', { name: 'Fullfør og fjern tilganger' })).toBeEnabled();
    await page.getByRole('link', { name: 'Tilbake til tilgangsgjennomgangen' }).click();
    await expect(page.getByTestId('review-row')).toHaveCount(3);

    // A campaign another administrator started with a due date that has passed arrives from the portal: overdue everywhere it is listed, and reminded of once.
    const grants = (await (await api('GET', `machine-groups/${maskiner.id}/grants`)).json()) as Array<{
      id: string;
      groupId: string;
      vendor: { id: string; name: string };
      mode: string;
      grantedAt: string;
      grantedBy: string;
      expiresAt: string | null;
    }>;
    const lateId = randomUUID();
    const started = await api('POST', 'access-reviews', {
      id: lateId,
      name: 'Forsinket kontroll',
      dueDate: dayFromToday(-2).iso,
      startedAt: new Date().toISOString(),
      items: grants.map((grant) => ({
        grantId: grant.id,
        groupId: grant.groupId,
        groupFullName: maskiner.fullName,
        vendorId: grant.vendor.id,
        vendorName: grant.vendor.name,
        mode: grant.mode,
        grantedAt: grant.grantedAt,
        grantedBy: grant.grantedBy,
        expiresAt: grant.expiresAt,
      })),
    });
    expect(started.status).toBe(201);
    await page.getByRole('button', { name: 'Synkroniser nå' }).click();
    const lateRow = page.getByTestId('campaign-row').filter({ hasText: 'Forsinket kontroll' });
    await expect(lateRow).toContainText('Forfalt');
    await expect(page.getByTestId('campaign-row').filter({ hasText: 'Kvartalsvis kontroll' })).toContainText('Pågår');
    await expect.poll(() => harness.notifications().map((notification) => notification.tag)).toContain(`review-reminder:${lateId}:overdue`);
    expect(harness.notifications().find((notification) => notification.tag === `review-reminder:${lateId}:overdue`)?.title).toBe('Gjennomgangen «Forsinket kontroll» er forfalt');
    // Already overdue when it arrived: no "due soon" for it.
    expect(harness.notifications().filter((notification) => notification.tag.startsWith(`review-reminder:${lateId}:`))).toHaveLength(1);
    await lateRow.getByRole('link', { name: 'Forsinket kontroll' }).click();
    await expect(page.getByTestId('campaign-overdue')).toHaveText('Forfalt');

    // The same in English: no raw key, no Norwegian-only text, no serious accessibility problem.
    await page.getByRole('link', { name: 'Innstillinger' }).click();
    await page.getByLabel('Språk').selectOption('en');
    await page.getByRole('link', { name: 'Access review' }).click();
    await expect(page.getByTestId('recommendation').first()).toHaveText('Recommended removal: never used');
    await expect(page.getByTestId('campaign-row').filter({ hasText: 'Forsinket kontroll' })).toContainText('Overdue');
    for (const screen of ['review', 'campaign'] as const) {
      if (screen === 'campaign') await page.getByRole('link', { name: 'Forsinket kontroll' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await untranslatedTexts(page), `untranslated on ${screen}`).toEqual([]);
      const english = await new AxeBuilder({ page }).analyze();
      expect(english.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id), `axe on ${screen}`).toEqual([]);
      await page.screenshot({ path: test.info().outputPath(`recommendations-${screen}-en.png`), fullPage: true });
    }
    await expect(page.getByRole('button', { name: 'Apply recommendations (3 not reviewed)' })).toBeVisible();
    await page.getByRole('button', { name: 'Apply recommendations (3 not reviewed)' }).click();
    const englishConfirm = page.getByRole('dialog', { name: 'Apply the recommendations?' });
    await expect(englishConfirm.getByTestId('apply-summary').getByRole('listitem')).toHaveText(['0 grants to keep: used in the last 90 days.', '3 grants to remove: not used in the last 90 days.']);
    await page.screenshot({ path: test.info().outputPath('recommendations-confirm-en.png'), fullPage: true });
    await englishConfirm.getByRole('button', { name: 'Cancel' }).click();
  } finally {
    await harness.stop();
    await portal.kill();
  }
});

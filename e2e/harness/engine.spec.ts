import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, signInThroughBrowser, startHarnessProcess, test } from './harness-fixture';

async function axeClean(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`), `axe on ${name}`).toEqual([]);
}

/**
 * The demo portal drives no real remote-support system: every screen that shows access says so, in both
 * languages, so nobody takes demo grants for real access; a group's machines and the access review's
 * "access outside the portal" say why they are empty.
 */
test('with no real remote-support system, the app says "Simulert" where access is shown, in Norwegian and English', async ({ page }) => {
  test.setTimeout(180_000);
  const harness = await startHarnessProcess(['--activation-delay-ms', '0', '--group-sync-delay-ms', '0']);
  try {
    await page.goto(harness.url);
    await page.waitForSelector('html[data-app-ready="true"]');
    await signInThroughBrowser(page, harness);
    const statusBar = page.getByTestId('status-bar');
    const engine = statusBar.getByTestId('engine-status');

    await test.step('the start screen: the status bar says what the portal drives', async () => {
      await expect(engine).toHaveAttribute('data-simulated', 'true');
      await expect(engine).toHaveText('Simulert – ingen ekte fjernhjelp');
      await page.getByLabel('Jeg aksepterer bruksvilkårene for fjernhjelp-tjenesten').check();
      await page.getByRole('button', { name: 'Aktiver fjernhjelp' }).click();
      await page.getByRole('button', { name: 'Synkroniser nå' }).click();
      await expect(page.getByTestId('service-status')).toHaveAttribute('data-status', 'active');
    });

    await test.step('the group detail: the simulated notice, and why there are no machines', async () => {
      await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Dine maskingrupper' }).click();
      await page.getByRole('link', { name: 'Maskiner', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Maskiner');
      await expect(page.getByTestId('engine-simulated-notice')).toContainText('Simulert – ingen ekte fjernhjelp');
      await expect(page.getByRole('heading', { name: 'Maskiner i gruppen' })).toBeVisible();
      await expect(page.getByTestId('no-devices')).toHaveText(
        'Det er ingen maskiner her, fordi kundeportalen ikke styrer noe ekte fjernhjelpssystem (simulert).',
      );
      await expect(engine).toHaveText('Simulert – ingen ekte fjernhjelp');
      await axeClean(page, 'group-detail-simulated-nb');
    });

    await test.step('the access review: no access outside the portal, and why', async () => {
      await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Tilgangsgjennomgang' }).click();
      await expect(page.getByTestId('engine-simulated-notice')).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Tilgang utenom portalen' })).toBeVisible();
      await expect(page.getByTestId('no-findings')).toContainText('simulert');
      await axeClean(page, 'access-review-simulated-nb');
    });

    await test.step('the same in English', async () => {
      await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Innstillinger' }).click();
      await page.getByLabel('Språk').selectOption('en');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(engine).toHaveText('Simulated – no real remote support');
      await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Your machine groups' }).click();
      await page.getByRole('link', { name: 'Maskiner', exact: true }).click();
      await expect(page.getByTestId('engine-simulated-notice')).toContainText('Simulated – no real remote support');
      await expect(page.getByRole('heading', { name: 'Machines in the group' })).toBeVisible();
      await expect(page.getByTestId('no-devices')).toHaveText('There are no machines here, because the customer portal drives no real remote-support system (simulated).');
      await axeClean(page, 'group-detail-simulated-en');
      await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Access review' }).click();
      await expect(page.getByRole('heading', { name: 'Access outside the portal' })).toBeVisible();
    });
  } finally {
    await harness.stop();
  }
});

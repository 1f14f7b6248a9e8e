import AxeBuilder from '@axe-core/playwright';
import { expect, signInThroughBrowser, startHarnessProcess, test } from './harness-fixture';
import { untranslatedTexts } from './ui-texts';

test('in English, every screen has no raw message key, no Norwegian-only text and no serious accessibility violation', async ({ page }) => {
  test.setTimeout(240_000);
  const harness = await startHarnessProcess(['--activation-delay-ms', '0', '--group-sync-delay-ms', '0']);
  try {
    await page.goto(`${harness.url}/#/settings`);
    await page.waitForSelector('html[data-app-ready="true"]');
    // The detector itself: on the Norwegian page it must find Norwegian texts.
    expect((await untranslatedTexts(page)).length).toBeGreaterThan(5);
    await page.getByLabel('Språk').selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    const checkScreen = async (name: string) => {
      expect(await untranslatedTexts(page), `untranslated on ${name}`).toEqual([]);
      const axe = await new AxeBuilder({ page }).analyze();
      const serious = axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
      expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`), `axe on ${name}`).toEqual([]);
      await page.screenshot({ path: test.info().outputPath(`en-${name}.png`), fullPage: true });
    };

    await checkScreen('settings-signed-out');
    await page.goto(`${harness.url}/#/service`);
    await checkScreen('login');
    await signInThroughBrowser(page, harness);
    await checkScreen('service-inactive');
    await page.getByLabel('I accept the terms of use of the remote-support service').check();
    await page.getByRole('button', { name: 'Activate remote support' }).click();
    await page.getByRole('button', { name: 'Synchronise now' }).click();
    await expect(page.getByTestId('service-status')).toHaveAttribute('data-status', 'active');
    await checkScreen('service-active');

    const navigation = page.getByRole('navigation', { name: 'Main menu' });
    const links = await navigation.getByRole('link').allTextContents();
    expect(links.length).toBeGreaterThanOrEqual(6);
    expect(links).toContain('Remote-support sessions');
    for (const link of links) {
      await navigation.getByRole('link', { name: link }).click();
      await expect(navigation.getByRole('link', { name: link })).toHaveAttribute('aria-current', 'page');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await checkScreen(link.toLowerCase().replace(/[^a-z]+/g, '-'));
    }
  } finally {
    await harness.stop();
  }
});

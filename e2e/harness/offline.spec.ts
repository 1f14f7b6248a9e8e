import { expect, signInAndActivate, startHarnessProcess, test } from './harness-fixture';
import { dataDirWithProfile, startPortalProcess } from './portal-process';

test('offline: the cached groups and users stay browsable, and every command says why it is disabled', async ({ page }) => {
  const portal = await startPortalProcess(['--activation-delay-ms', '0', '--group-sync-delay-ms', '0']);
  const harness = await startHarnessProcess([], { dataDir: dataDirWithProfile(portal), portalUrl: portal.url });
  try {
    await signInAndActivate(page, harness);

    await page.getByRole('link', { name: 'Dine maskingrupper' }).click();
    await expect(page.getByText('Maskiner', { exact: true }).first()).toBeVisible();
    await page.getByRole('link', { name: 'Brukere' }).click();
    await expect(page.getByText('kari.nordmann').first()).toBeVisible();

    await portal.kill();
    await page.getByRole('button', { name: 'Synkroniser nå' }).click();
    await expect(page.getByTestId('sync-activity')).toHaveText('Frakoblet – viser lagrede data');
    await page.screenshot({ path: test.info().outputPath('offline-users.png'), fullPage: true });

    await expect(page.getByText('kari.nordmann').first()).toBeVisible();
    await page.getByRole('link', { name: 'Dine maskingrupper' }).click();
    await expect(page.getByText('Maskiner', { exact: true }).first()).toBeVisible();
    const offlineCommands = page.locator('button[data-offline]');
    await expect(offlineCommands.first()).toBeDisabled();
    await expect(offlineCommands.first()).toHaveAttribute('title', /Du er frakoblet/);
    await page.screenshot({ path: test.info().outputPath('offline-groups.png'), fullPage: true });
  } finally {
    await harness.stop();
    await portal.kill();
  }
});

import { expect, signInThroughBrowser, startHarnessProcess, test } from './harness-fixture';

test('a newcomer signs in to the demo portal through the system browser and sees who is signed in', async ({ page }) => {
  const harness = await startHarnessProcess();
  try {
    await page.goto(harness.url);
    await page.waitForSelector('html[data-app-ready="true"]');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logg inn i kundeportalen');
    await expect(page.getByText('DEMO', { exact: true })).toBeVisible();
    await signInThroughBrowser(page, harness);
    await expect(page.getByTestId('signed-in-user')).toContainText('demo.admin');
    await expect(page.getByTestId('signed-in-organisation')).toContainText('Norsk Helsenett test');
    await expect(page.getByTestId('service-status')).toHaveAttribute('data-status', 'inactive');
    await expect(page.getByTestId('status-bar')).toBeVisible();

    // The session survives a reload of the window (main still holds it).
    await page.reload();
    await expect(page.getByTestId('signed-in-user')).toContainText('demo.admin');

    await page.getByRole('button', { name: 'Logg ut' }).click();
    await expect(page.getByRole('button', { name: 'Logg inn' })).toBeVisible();
  } finally {
    await harness.stop();
  }
});

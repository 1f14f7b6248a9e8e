import { expect, signInThroughBrowser, startHarnessProcess, test } from './harness-fixture';

test('a newcomer signs in to the demo portal through the system browser and sees who is signed in', async ({ page }) => {
  const harness = await startHarnessProcess();
  try {
    await page.goto(harness.url);
    await page.waitForSelector('html[data-app-ready="true"]');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logg inn i kundeportalen');
    await expect(page.getByText('DEMO', { exact: true })).toBeVisible();
    // The portal's sign-in page shows the demo credentials in its DEMO box.
    const opened = harness.nextOpenExternal();
    await page.getByRole('button', { name: 'Logg inn' }).click();
    const browserPage = await page.context().newPage();
    await browserPage.goto(await opened);
    await expect(browserPage.locator('#demo-credentials')).toContainText('demo.admin');
    await browserPage.close();
    await page.getByRole('button', { name: 'Avbryt innlogging' }).click();
    await expect(page.getByRole('alert')).toContainText('Innloggingen ble avbrutt');
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

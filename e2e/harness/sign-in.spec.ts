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

    const endSession = harness.nextOpenExternal();
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await expect(page.getByRole('button', { name: 'Logg inn' })).toBeVisible();

    // "Logg ut" ends the portal's session in the system browser too (RP-initiated logout): a shared PC
    // keeps no one signed in there.
    const sessionCookie = async () => (await page.context().cookies()).find((cookie) => cookie.name === '_session');
    expect(await sessionCookie()).toBeDefined();
    const portalPage = await page.context().newPage();
    await portalPage.goto(await endSession);
    await expect(portalPage.getByRole('heading', { level: 1 })).toContainText('Logge ut av kundeportalen i denne nettleseren?');
    await portalPage.screenshot({ path: test.info().outputPath('portal-sign-out.png') });
    await portalPage.getByRole('button', { name: /Logg ut/ }).click();
    await expect(portalPage.locator('#signed-out')).toContainText('Du er logget ut av kundeportalen');
    expect(await sessionCookie()).toBeUndefined();

    // Signing in again asks for the username, password and code: nothing is taken from the browser.
    const signInAgain = harness.nextOpenExternal();
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await portalPage.goto(await signInAgain);
    await expect(portalPage.getByLabel('Brukernavn')).toBeVisible();
    await expect(portalPage.getByLabel('Passord, eller engangspassordet fra SMS')).toBeVisible();
    await portalPage.close();
    await page.getByRole('button', { name: 'Avbryt innlogging' }).click();
    await expect(page.getByRole('alert')).toContainText('Innloggingen ble avbrutt');
  } finally {
    await harness.stop();
  }
});

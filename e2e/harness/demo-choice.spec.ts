import AxeBuilder from '@axe-core/playwright';
import { expect, signInThroughBrowser, startHarnessProcess, test } from './harness-fixture';
import { untranslatedTexts } from './ui-texts';

/** How long "Prøv demo" may take to start the demo portal on a machine running the other tests too. */
const DEMO_START_MS = 15_000;

test('an installed copy starts on the portal choice and runs the demo portal only after "Prøv demo"', async ({ page }) => {
  // `--no-demo`: what a packaged app does without `--demo`.
  const harness = await startHarnessProcess(['--no-demo']);
  try {
    await page.goto(harness.url);
    await page.waitForSelector('html[data-app-ready="true"]');
    const choice = page.getByTestId('portal-choice');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Velg kundeportal');
    await expect(choice).toContainText('Du har ikke lagt til noen kundeportal ennå.');
    await expect(choice).toContainText('innebygd testportal her på maskinen');
    await expect(page.getByText('DEMO', { exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Logg inn' })).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('portal-choice.png'), fullPage: true });

    // The same choice in English, and nothing left in Norwegian.
    await page.goto(`${harness.url}/#/settings`);
    await expect(page.getByTestId('app-demo-mode')).toHaveText('Ikke startet');
    await page.getByLabel('Språk').selectOption('en');
    await expect(page.getByTestId('try-demo')).toContainText('Try the demo');
    await page.goto(`${harness.url}/#/service`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a customer portal');
    expect(await untranslatedTexts(page)).toEqual([]);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual([]);
    // "Add a portal" is the Settings → Portaler form.
    await page.getByRole('button', { name: 'Add a portal …' }).click();
    await expect(page.getByRole('heading', { name: 'Portals', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add portal' })).toBeVisible();
    await page.getByLabel('Language').selectOption('nb');
    await page.goto(`${harness.url}/#/service`);

    await page.getByRole('button', { name: 'Prøv demo' }).click();
    // Main starts the demo portal first (its database, seed and signing keys): about half a second here, more on a loaded machine.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logg inn i kundeportalen', { timeout: DEMO_START_MS });
    await expect(page.getByText('DEMO', { exact: true })).toBeVisible();
    await expect(page.getByLabel('Portal', { exact: true })).toHaveValue('demo');
    await expect(page.getByRole('button', { name: 'Prøv demo' })).toHaveCount(0);

    await signInThroughBrowser(page, harness);
    await expect(page.getByTestId('signed-in-user')).toContainText('demo.admin');
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Dine maskingrupper' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dine maskingrupper');

    await page.goto(`${harness.url}/#/settings`);
    await expect(page.getByTestId('app-demo-mode')).toHaveText('På – innebygd testportal');
  } finally {
    await harness.stop();
  }
});

test('a portal added in Settings → Portaler is listed first; "Prøv demo" on its sign-in screen adds the demo after it', async ({ page }) => {
  const harness = await startHarnessProcess(['--no-demo']);
  try {
    await page.goto(harness.url);
    await page.waitForSelector('html[data-app-ready="true"]');
    await page.getByRole('button', { name: 'Legg til portal …' }).click();
    const form = page.getByRole('form', { name: 'Legg til portal' });
    await form.getByLabel('Navn').fill('Helse Vest');
    await form.getByLabel('Kundeportalens adresse').fill('https://kundeportal.example.no');
    await form.getByLabel('Innloggingstjeneste (OpenID Connect-utsteder)').fill('https://kundeportal.example.no/oidc');
    await form.getByRole('button', { name: 'Legg til portal' }).click();
    const row = page.getByRole('row', { name: /Helse Vest/ });
    await row.getByRole('button', { name: 'Bruk denne' }).click();

    // Choosing it goes on to its sign-in; the demo is not running, so it is offered, not listed.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logg inn i kundeportalen');
    const portals = page.getByLabel('Portal', { exact: true });
    await expect(portals.locator('option')).toHaveText(['Helse Vest (https://kundeportal.example.no)']);
    await page.getByRole('button', { name: 'Prøv demo' }).click();
    await expect(portals).toHaveValue('demo', { timeout: DEMO_START_MS });
    await expect(portals.locator('option')).toHaveText(['Helse Vest (https://kundeportal.example.no)', 'Demo – innebygd testportal']);
    await expect(page.getByText('DEMO', { exact: true })).toBeVisible();
  } finally {
    await harness.stop();
  }
});

import { expect, signInThroughBrowser, startHarnessProcess, test } from './harness-fixture';
import { untranslatedTexts } from './ui-texts';

const QR_HELP = 'Koden kan skannes inn i alle apper som støtter standarden RFC 6238.';

test('the guide\'s "Les mer" and sync note, the terms readable after activation, and QR help only for authenticator users', async ({ page }) => {
  test.setTimeout(120_000);
  // Activation takes a few seconds here, so the "activating" notice can be read before it turns active.
  const harness = await startHarnessProcess(['--activation-delay-ms', '3000', '--group-sync-delay-ms', '0']);
  try {
    await page.goto(harness.url);
    await page.waitForSelector('html[data-app-ready="true"]');
    await signInThroughBrowser(page, harness);

    await test.step('"Les mer" under the service address, opened in the app by keyboard', async () => {
      await expect(page.getByText('Tjenesten kan du nå på nettsiden https://hjelp.nhn.no/')).toBeVisible();
      const readMore = page.getByRole('button', { name: 'Les mer' });
      await expect(readMore).toHaveAttribute('aria-expanded', 'false');
      await readMore.focus();
      await page.keyboard.press('Enter');
      await expect(readMore).toHaveAttribute('aria-expanded', 'true');
      await expect(page.getByTestId('service-read-more')).toContainText('Alle som skal bruke fjernhjelp, enten om du skal motta eller yte fjernhjelp');
      await expect(page.getByTestId('service-read-more')).toContainText('Merk at den som skal motta fjernhjelp ikke trenger å opprette brukere.');
    });

    await test.step('after activation: the guide\'s note on signing out and in, and the accepted terms still readable', async () => {
      await page.getByLabel('Jeg aksepterer bruksvilkårene for fjernhjelp-tjenesten').check();
      await page.getByRole('button', { name: 'Aktiver fjernhjelp' }).click();
      await expect(page.getByTestId('service-status')).toHaveAttribute('data-status', 'activating');
      await expect(page.getByRole('status').filter({ hasText: 'Du har nå aktivert fjernhjelp.' })).toContainText(
        'Å logge inn og ut av fjernhjelpsportalen kan fremskyve synkroniseringen.',
      );
      await expect(page.getByTestId('terms')).toHaveCount(0);
      await expect.poll(async () => {
        await page.getByRole('button', { name: 'Synkroniser nå' }).click();
        return page.getByTestId('service-status').getAttribute('data-status');
      }, { timeout: 20_000, intervals: [1_000] }).toBe('active');

      const show = page.getByRole('button', { name: 'Vis vilkårene' });
      await show.click();
      await expect(page.getByRole('button', { name: 'Skjul vilkårene' })).toHaveAttribute('aria-expanded', 'true');
      const terms = page.getByTestId('accepted-terms');
      await expect(terms).toContainText(/Bruksvilkårene \(versjon 2\.0-1\) ble akseptert \d{2}\.\d{2}\.\d{4}/);
      await expect(terms).toContainText('Det skal foreligge en avtale om bruken av fjernhjelp mellom virksomheten og dens kunder.');
      await expect(terms).toContainText('Hjelp.nhn.no (91.186.66.22), port 443(TCP) og 8041(TCP)');
      await expect(terms).not.toContainText('endret siden');
    });

    await test.step('the QR help is shown for a Google Authenticator user and not for a Yubikey user', async () => {
      await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Brukere' }).click();
      await page.getByTestId('user-list').getByRole('link', { name: 'Ola Åsen' }).click();
      await expect(page.getByText('Registrert Yubikey:', { exact: false })).toBeVisible();
      await expect(page.getByText(QR_HELP, { exact: false })).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Last ned QR-kode' })).toHaveCount(0);

      await page.getByRole('link', { name: 'Tilbake til brukere' }).click();
      await page.getByTestId('user-list').getByRole('link', { name: 'Kari Nordmann' }).click();
      await expect(page.getByRole('button', { name: 'Last ned QR-kode' })).toBeVisible();
      await expect(page.getByText(QR_HELP, { exact: false })).toBeVisible();
    });

    await test.step('in English, both disclosures read without a raw key or Norwegian UI text', async () => {
      await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Innstillinger' }).click();
      await page.getByLabel('Språk').selectOption('en');
      await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Services – Fjernhjelp 2.0' }).click();
      await page.getByRole('button', { name: 'Read more' }).click();
      await page.getByRole('button', { name: 'Show the terms' }).click();
      await expect(page.getByTestId('accepted-terms')).toContainText(/The terms of use \(version 2\.0-1\) were accepted/);
      await expect(page.getByTestId('service-read-more')).toContainText('does not need to create users');
      expect(await untranslatedTexts(page)).toEqual([]);
    });
  } finally {
    await harness.stop();
  }
});

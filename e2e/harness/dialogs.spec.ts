import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, signInAndActivate, startHarnessProcess, test } from './harness-fixture';
import { untranslatedTexts } from './ui-texts';

/**
 * The app's shared behaviours for dialogs and forms, where each is used: every dialog that removes,
 * replaces or hands over something opens with focus on "Avbryt" (Enter cancels); every inline form
 * opens with focus in its first field and closes on Escape; unsaved edits on "Rediger bruker" are kept
 * unless the user chooses to leave them.
 */

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`), `axe on ${screen}`).toEqual([]);
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
}

/** The dialog is open with focus on its safe choice, and Enter there cancels it. */
async function expectSafeFocusAndEnterCancels(page: Page, dialog: Locator): Promise<void> {
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: /^(Avbryt|Cancel)$/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
}

test('dangerous dialogs open on "Avbryt", delegation and leaving Yubikey are confirmed, inline forms close on Escape, unsaved edits are kept', async ({ page }) => {
  test.setTimeout(180_000);
  const harness = await startHarnessProcess(['--activation-delay-ms', '0', '--group-sync-delay-ms', '0']);
  try {
    await signInAndActivate(page, harness);
    const nav = page.getByRole('navigation');

    await test.step('Ny maskingruppe: focus in the name, Escape closes it, focus back on the button', async () => {
      await nav.getByRole('link', { name: 'Dine maskingrupper' }).click();
      const add = page.getByRole('button', { name: 'Legg til ny maskingruppe' });
      await add.click();
      const form = page.getByRole('form', { name: 'Ny maskingruppe' });
      await expect(form.getByLabel('Navn', { exact: true })).toBeFocused();
      await page.keyboard.type('Lab');
      await page.keyboard.press('Escape');
      await expect(form).toBeHidden();
      await expect(add).toBeFocused();
    });

    await test.step('Ny leverandør: focus in the vendor field; Escape first closes the open list, then the form', async () => {
      await page.getByRole('link', { name: 'Maskiner' }).click();
      await page.getByRole('button', { name: 'Legg til ny leverandør' }).click();
      const form = page.getByRole('form', { name: 'Ny leverandør' });
      const combobox = form.getByRole('combobox', { name: 'Leverandør' });
      await expect(combobox).toBeFocused();
      await combobox.pressSequentially('ostfold');
      await expect(combobox).toHaveAttribute('aria-expanded', 'true');
      await page.keyboard.press('Escape');
      await expect(combobox).toHaveAttribute('aria-expanded', 'false');
      await expect(form).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(form).toBeHidden();
      await expect(page.getByRole('button', { name: 'Legg til ny leverandør' })).toBeFocused();
    });

    await test.step('"Fjern" opens on Avbryt: Enter keeps the access, and focus goes back to the button', async () => {
      await page.getByRole('button', { name: 'Legg til ny leverandør' }).click();
      const form = page.getByRole('form', { name: 'Ny leverandør' });
      await form.getByRole('combobox', { name: 'Leverandør' }).pressSequentially('ostfold');
      await page.getByRole('option', { name: 'Østfold Fjerndrift AS' }).click();
      await form.getByRole('button', { name: 'Legg til ny leverandør' }).click();
      await expect(page.getByTestId('grant-notice')).toContainText('Østfold Fjerndrift AS');
      const remove = page.getByRole('button', { name: 'Fjern Østfold Fjerndrift AS' });
      await remove.click();
      await expectSafeFocusAndEnterCancels(page, page.getByRole('dialog', { name: 'Fjerne tilgangen?' }));
      await expect(remove).toBeFocused();
      await remove.click();
      await screenshot(page, 'dialog-remove-grant-nb');
      await page.keyboard.press('Escape');
    });

    await test.step('Legg til bruker: focus in "Fornavn", Escape closes it', async () => {
      await nav.getByRole('link', { name: 'Brukere' }).click();
      await page.getByRole('button', { name: 'Legg til bruker' }).click();
      const form = page.getByRole('form', { name: 'Ny bruker' });
      await expect(form.getByLabel('Fornavn')).toBeFocused();
      await page.keyboard.type('Per');
      await page.keyboard.press('Escape');
      await expect(form).toBeHidden();
      await expect(page.getByRole('button', { name: 'Legg til bruker' })).toBeFocused();
    });

    await test.step('"Lag ny to-faktorkode" opens on Avbryt: Enter makes no new code', async () => {
      await page.getByTestId('user-list').getByRole('link', { name: 'Kari Nordmann' }).click();
      await page.getByRole('button', { name: 'Lag ny to-faktorkode' }).click();
      await expectSafeFocusAndEnterCancels(page, page.getByRole('dialog', { name: 'Lage ny to-faktorkode for Kari Nordmann?' }));
      await expect(page.getByTestId('totp-regenerated')).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Lag ny to-faktorkode' })).toBeFocused();
    });

    await test.step('unsaved edits on "Rediger bruker": a menu item and Back ask first; Avbryt keeps them', async () => {
      const mobile = page.getByLabel('Mobiltelefon');
      await mobile.fill('92 00 00 09');
      await nav.getByRole('link', { name: 'Dine maskingrupper' }).click();
      const leave = page.getByRole('dialog', { name: 'Gå videre uten å lagre?' });
      await expect(leave).toContainText('Du har endringer som ikke er lagret.');
      await expectAccessible(page, 'unsaved-changes');
      await screenshot(page, 'dialog-unsaved-nb');
      await expectSafeFocusAndEnterCancels(page, leave);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rediger bruker');
      await expect(mobile).toHaveValue('92 00 00 09');
      await expect(page).toHaveURL(/#\/user\/user-demo-kari$/);

      await page.goBack();
      await expect(leave).toBeVisible();
      await expect(page).toHaveURL(/#\/user\/user-demo-kari$/);
      await page.keyboard.press('Escape');
      await expect(mobile).toHaveValue('92 00 00 09');

      // "Logg ut" would drop them too.
      await page.getByRole('button', { name: 'Logg ut' }).click();
      await expect(leave).toBeVisible();
      await leave.getByRole('button', { name: 'Avbryt' }).click();
      await expect(page.getByTestId('signed-in-user')).toBeVisible();

      await nav.getByRole('link', { name: 'Brukere' }).click();
      await leave.getByRole('button', { name: 'Gå videre uten å lagre' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Brukere');
      await page.getByTestId('user-list').getByRole('link', { name: 'Kari Nordmann' }).click();
      await expect(page.getByLabel('Mobiltelefon')).toHaveValue('+4791000001');

      // Saved edits are not asked about.
      await page.getByLabel('Mobiltelefon').fill('92 00 00 09');
      await page.getByRole('button', { name: 'Lagre endringer' }).click();
      await expect(page.getByTestId('user-saved')).toBeVisible();
      await nav.getByRole('link', { name: 'Brukere' }).click();
      await expect(leave).toBeHidden();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Brukere');
    });

    await test.step('Yubikey → Google Authenticator says the user is locked out until given a new QR code, and is confirmed', async () => {
      await page.getByTestId('user-list').getByRole('link', { name: 'Ola Åsen' }).click();
      await page.getByLabel('Google Authenticator').check();
      await page.getByRole('button', { name: 'Lagre endringer' }).click();
      const confirm = page.getByRole('dialog', { name: 'Bytte Ola Åsen fra Yubikey til Google Authenticator?' });
      await expect(confirm).toContainText('Ola Åsen er da utestengt og kan ikke logge inn før hen har fått en ny QR-kode fra deg');
      await expectAccessible(page, 'switch-to-totp');
      await screenshot(page, 'dialog-switch-to-totp-nb');
      await expectSafeFocusAndEnterCancels(page, confirm);
      await expect(page.getByTestId('user-saved')).toHaveCount(0);
      await page.getByRole('button', { name: 'Lagre endringer' }).click();
      await confirm.getByRole('button', { name: 'Lagre og bytt til Google Authenticator' }).click();
      await expect(page.getByTestId('user-saved')).toHaveText('Brukeren bruker nå Google Authenticator. Last ned QR-koden og gi den til brukeren.');
    });

    await test.step('delegating portal administrator rights is confirmed; "Fjern rettigheter" opens on Avbryt', async () => {
      await nav.getByRole('link', { name: 'Kundeportaladministratorer' }).click();
      await page.getByLabel('Bruker', { exact: true }).selectOption({ label: 'Ingrid Sæther (ingrid.saether)' });
      await page.getByRole('button', { name: 'Gjør til kundeportaladministrator' }).click();
      const confirm = page.getByRole('dialog', { name: 'Gjøre Ingrid Sæther til kundeportaladministrator?' });
      await expect(confirm).toContainText('Ingrid Sæther (ingrid.saether) får de samme rettighetene som deg i kundeportalen');
      await expectAccessible(page, 'delegate-confirm');
      await screenshot(page, 'dialog-delegate-nb');
      await expectSafeFocusAndEnterCancels(page, confirm);
      await expect(page.getByTestId('admin-list').getByRole('row')).toHaveCount(2);
      await page.getByRole('button', { name: 'Gjør til kundeportaladministrator' }).click();
      await confirm.getByRole('button', { name: 'Gjør til kundeportaladministrator' }).click();
      await expect(page.getByTestId('admin-notice')).toHaveText('Ingrid Sæther er nå kundeportaladministrator.');
      await page.getByRole('button', { name: 'Fjern rettigheter: Ingrid Sæther' }).click();
      await expectSafeFocusAndEnterCancels(page, page.getByRole('dialog', { name: 'Fjerne kundeportaladministrator-rettighetene til Ingrid Sæther?' }));
      await expect(page.getByTestId('admin-list').getByRole('row')).toHaveCount(3);
    });

    await test.step('Ny gjennomgang: focus in the name, Escape closes it; "Fullfør gjennomgangen" opens on Avbryt', async () => {
      await nav.getByRole('link', { name: 'Tilgangsgjennomgang' }).click();
      await page.getByRole('button', { name: 'Ny gjennomgang' }).click();
      const form = page.getByRole('form', { name: 'Start en gjennomgang' });
      await expect(form.getByLabel('Navn', { exact: true })).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(form).toBeHidden();
      await expect(page.getByRole('button', { name: 'Ny gjennomgang' })).toBeFocused();

      const campaignId = await page.evaluate(async () => {
        const started = await window.portal.reviews.start({ name: 'Fokus', dueDate: '2099-12-31' });
        if (!started.ok) throw new Error(started.error.code);
        return started.value.id;
      });
      await page.goto(`${harness.url}/#/campaign/${campaignId}`);
      await page.getByRole('button', { name: /^Fjern (den|alle) viste som ikke er vurdert/ }).click();
      await page.getByRole('button', { name: 'Fullfør og fjern tilganger' }).click();
      const confirm = page.getByRole('dialog', { name: /^Fjerne \d+ tilgang(er)?\?$/ });
      await expectSafeFocusAndEnterCancels(page, confirm);
      await expect(page.getByTestId('campaign-completed')).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Fullfør og fjern tilganger' })).toBeFocused();
    });

    await test.step('in English, the same dialogs and their texts', async () => {
      await nav.getByRole('link', { name: 'Innstillinger' }).click();
      await page.getByLabel('Språk').selectOption('en');
      await nav.getByRole('link', { name: 'Portal administrators' }).click();
      await page.getByLabel('User', { exact: true }).selectOption({ label: 'Kari Nordmann (kari.nordmann)' });
      await page.getByRole('button', { name: 'Make portal administrator' }).click();
      const confirm = page.getByRole('dialog', { name: 'Make Kari Nordmann a portal administrator?' });
      await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
      expect(await untranslatedTexts(page)).toEqual([]);
      await expectAccessible(page, 'en-delegate-confirm');
      await screenshot(page, 'dialog-delegate-en');
      await page.keyboard.press('Escape');

      await nav.getByRole('link', { name: 'Users' }).click();
      await page.getByTestId('user-list').getByRole('link', { name: 'Kari Nordmann' }).click();
      await page.getByLabel('Mobile phone').fill('92 00 00 08');
      await nav.getByRole('link', { name: 'Audit log' }).click();
      const leave = page.getByRole('dialog', { name: 'Go on without saving?' });
      await expect(leave.getByRole('button', { name: 'Cancel' })).toBeFocused();
      expect(await untranslatedTexts(page)).toEqual([]);
      await screenshot(page, 'dialog-unsaved-en');
      await leave.getByRole('button', { name: 'Go on without saving' }).click();
    });
  } finally {
    await harness.stop();
  }
});

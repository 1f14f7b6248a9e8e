import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import * as OTPAuth from 'otpauth';
import { PNG } from 'pngjs';
import { expect, signInAndActivate, signInThroughBrowser, startHarnessProcess, test, type HarnessProcess } from './harness-fixture';
import { untranslatedTexts } from './ui-texts';

const VALID_YUBIKEY_OTP = 'ccccccdefghijklnrtuvcbdefghijklnrtuvcbdefghi';

/** No serious or critical axe violation, listed by rule and element so a failure says where. */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`), `axe on ${screen}`).toEqual([]);
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

/** Reads the PNG the app saved, decodes the QR code as a phone would, and parses the otpauth URI. */
function decodeSavedQrCode(path: string): { uri: string; totp: OTPAuth.TOTP } {
  const image = PNG.sync.read(readFileSync(path));
  const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  expect(decoded, `a QR code in ${path}`).not.toBeNull();
  const parsed = OTPAuth.URI.parse(decoded!.data);
  expect(parsed).toBeInstanceOf(OTPAuth.TOTP);
  return { uri: decoded!.data, totp: parsed as OTPAuth.TOTP };
}

/** "Last ned QR-kode" inside `scope`, then the saved file's path from the notice. */
async function downloadQrCode(scope: Locator | Page, harness: HarnessProcess, username: string): Promise<OTPAuth.TOTP> {
  await scope.getByRole('button', { name: 'Last ned QR-kode' }).click();
  const notice = scope.getByTestId('qr-saved');
  await expect(notice).toContainText('Gi QR-koden til brukeren på en sikker måte');
  await expect(notice).toContainText('slett filen');
  const path = (await notice.getByTestId('qr-saved-path').textContent())!;
  expect(path).toBe(join(harness.dataDir, 'downloads', `${username}-totp.png`));
  const { uri, totp } = decodeSavedQrCode(path);
  // Key Uri Format: issuer:account, no colon in the account, the issuer parameter equal to the label's prefix.
  expect([totp.issuer, totp.label]).toEqual(['Fjernhjelp (Norsk Helsenett test)', username]);
  expect(uri.startsWith(`otpauth://totp/${encodeURIComponent(totp.issuer)}:${username}?issuer=${encodeURIComponent(totp.issuer)}&`), uri).toBe(true);
  return totp;
}


test('a new administrator creates, edits and looks after users and portal administrators', async ({ page }) => {
  test.setTimeout(180_000);
  const harness = await startHarnessProcess(['--activation-delay-ms', '1500', '--group-sync-delay-ms', '1500']);
  try {
    await signInAndActivate(page, harness);
    const nav = page.getByRole('navigation', { name: 'Hovedmeny' });

    // Brukere: the guide's intro and the demo organisation's users.
    await nav.getByRole('link', { name: 'Brukere' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Brukere');
    await expect(page.getByText('For å kunne yte fjernhjelp må man opprette fjernhjelp-brukere.', { exact: false })).toBeVisible();
    const list = page.getByTestId('user-list');
    await expect(list.getByRole('link', { name: 'Kari Nordmann' })).toBeVisible();
    await expect(list.getByRole('row', { name: /ola\.aasen/ })).toContainText('Yubikey');
    await expectAccessible(page, 'users');
    await screenshot(page, 'users');

    // Ny bruker (TOTP): the inline errors come before anything is sent.
    await page.getByRole('button', { name: 'Legg til bruker' }).click();
    const form = page.getByRole('form', { name: 'Ny bruker' });
    await expect(form).toContainText('Brukeren får også tilsendt et engangspassord på SMS');
    await expect(form.getByLabel('Yubikey (to-faktorkode)')).toHaveCount(0);
    await expect(form.getByLabel('Google Authenticator')).toBeChecked();
    await form.getByLabel('Fornavn').fill('Per');
    await form.getByLabel('Etternavn').fill('Hansen');
    await form.getByLabel('E-post').fill('per.hansen@');
    await form.getByLabel('Mobiltelefon').fill('1234');
    await form.getByLabel('Mobiltelefon').press('Tab');
    await expect(form.getByLabel('E-post')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('E-post')).toHaveAccessibleDescription(/Ugyldig e-postadresse/);
    await expect(form.getByLabel('Mobiltelefon')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('Mobiltelefon')).toHaveAccessibleDescription(/Ugyldig mobilnummer/);
    await expectAccessible(page, 'new-user-errors');
    await screenshot(page, 'new-user-errors');
    // Submitting anyway keeps the form, with focus on the first problem.
    await form.getByRole('button', { name: 'Legg til bruker' }).click();
    await expect(form.getByLabel('E-post')).toBeFocused();

    await form.getByLabel('E-post').fill('per.hansen@nhn-test.example');
    await form.getByLabel('Mobiltelefon').fill('912 34 567');
    await expect(form.getByLabel('E-post')).not.toHaveAttribute('aria-invalid');
    await form.getByRole('button', { name: 'Legg til bruker' }).click();

    const created = page.getByTestId('user-created');
    await expect(created).toContainText('er opprettet');
    await expect(created).toContainText('engangspassord på SMS til +4791234567');
    const perUsername = /Brukeren (\S+) er opprettet/.exec((await created.getByRole('heading').textContent())!)![1]!;
    expect(perUsername).toMatch(/^per\.hansen/);
    await downloadQrCode(created, harness, perUsername);
    await expect(list.getByRole('link', { name: 'Per Hansen' })).toBeVisible();
    await expectAccessible(page, 'user-created');
    await screenshot(page, 'user-created');

    // An e-mail address another user already has (in any letter case): a warning first, then go on or cancel.
    await page.getByRole('button', { name: 'Legg til bruker' }).click();
    await form.getByLabel('Fornavn').fill('Per');
    await form.getByLabel('Etternavn').fill('Testesen');
    await form.getByLabel('E-post').fill('Kari.Nordmann@NHN-test.example');
    await form.getByLabel('Mobiltelefon').fill('912 34 568');
    await form.getByRole('button', { name: 'Legg til bruker' }).click();
    const duplicate = page.getByRole('dialog', { name: 'E-postadressen er allerede i bruk' });
    await expect(duplicate).toContainText('Det finnes allerede en bruker med e-postadressen Kari.Nordmann@nhn-test.example:');
    await expect(duplicate.getByRole('listitem')).toHaveText(['Kari Nordmann (kari.nordmann)']);
    await expectAccessible(page, 'new-user-duplicate-email');
    await screenshot(page, 'new-user-duplicate-email');
    await duplicate.getByRole('button', { name: 'Avbryt' }).click();
    await expect(duplicate).toBeHidden();
    await expect(form.getByLabel('E-post')).toBeFocused();
    await expect(form.getByLabel('E-post')).toHaveValue('Kari.Nordmann@NHN-test.example');
    await expect(created).toHaveCount(0);
    await form.getByRole('button', { name: 'Legg til bruker' }).click();
    await duplicate.getByRole('button', { name: 'Opprett likevel' }).click();
    await expect(created.getByRole('heading')).toHaveText('Brukeren per.testesen er opprettet.');

    // Ny bruker (Yubikey): the code field appears only now, and a malformed code is refused first.
    await page.getByRole('button', { name: 'Legg til bruker' }).click();
    await form.getByLabel('Fornavn').fill('Siri');
    await form.getByLabel('Etternavn').fill('Berg');
    await form.getByLabel('E-post').fill('siri.berg@nhn-test.example');
    await form.getByLabel('Mobiltelefon').fill('+47 934 56 789');
    await form.getByLabel('Yubikey', { exact: true }).check();
    const yubikey = form.getByLabel('Yubikey (to-faktorkode)');
    await expect(yubikey).toHaveAccessibleDescription(/trykk på knappen på Yubikey-en/);
    await yubikey.fill('cccccc-not-a-code');
    // A Yubikey types its code followed by Enter, which submits the form.
    await yubikey.press('Enter');
    await expect(yubikey).toHaveAttribute('aria-invalid', 'true');
    await expect(yubikey).toHaveAccessibleDescription(/Ugyldig Yubikey-kode/);
    await expect(yubikey).toBeFocused();
    await screenshot(page, 'new-user-yubikey-error');
    await yubikey.fill(VALID_YUBIKEY_OTP);
    await form.getByRole('button', { name: 'Legg til bruker' }).click();
    await expect(created).toContainText('er opprettet');
    await expect(created.getByRole('button', { name: 'Last ned QR-kode' })).toHaveCount(0);
    await expect(list.getByRole('row', { name: /Siri Berg/ })).toContainText('Yubikey');

    // The same key for someone else, typed with Caps Lock on: upper case is the same code, and the key is Siri's.
    await page.getByRole('button', { name: 'Legg til bruker' }).click();
    await form.getByLabel('Fornavn').fill('Nils');
    await form.getByLabel('Etternavn').fill('Berg');
    await form.getByLabel('E-post').fill('nils.berg@nhn-test.example');
    await form.getByLabel('Mobiltelefon').fill('+47 934 56 790');
    await form.getByLabel('Yubikey', { exact: true }).check();
    await yubikey.fill(VALID_YUBIKEY_OTP.toUpperCase());
    await yubikey.press('Enter');
    await expect(yubikey).toHaveAttribute('aria-invalid', 'true');
    await expect(yubikey).toHaveAccessibleDescription(/Denne Yubikey-en er allerede registrert på en annen bruker/);
    await expect(yubikey).toBeFocused();
    await screenshot(page, 'new-user-yubikey-in-use');
    await form.getByRole('button', { name: 'Avbryt' }).click();
    await expect(list.getByRole('link', { name: 'Nils Berg' })).toHaveCount(0);

    // Search: diacritics- and case-insensitive, over name, username and e-mail.
    const search = page.getByLabel('Søk etter brukere');
    await search.fill('asen');
    await expect(list).toHaveAttribute('data-count', '1');
    await expect(list.getByRole('link', { name: 'Ola Åsen' })).toBeVisible();
    await search.fill('SÆTHER');
    await expect(list.getByRole('link', { name: 'Ingrid Sæther' })).toBeVisible();
    await expect(list).toHaveAttribute('data-count', '1');
    await search.fill('nhn-test hansen');
    await expect(list.getByRole('link', { name: 'Per Hansen' })).toBeVisible();
    await search.fill('ingen slik bruker');
    await expect(page.getByText('Ingen brukere passer med søket.')).toBeVisible();
    await search.fill('kari');
    await screenshot(page, 'users-filtered');
    // Keyboard: ArrowDown from the search field to the first row, Enter opens it.
    await search.press('ArrowDown');
    await expect(list.getByRole('link', { name: 'Kari Nordmann' })).toBeFocused();
    await page.keyboard.press('Enter');

    // Rediger bruker: change the mobile number.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rediger bruker');
    await expect(page.getByTestId('user-username')).toHaveText('kari.nordmann');
    const save = page.getByRole('button', { name: 'Lagre endringer' });
    await expect(save).toBeDisabled();
    const mobile = page.getByLabel('Mobiltelefon');
    await expect(mobile).toHaveValue('+4791000001');
    await mobile.fill('92 00 00 01');
    await expect(save).toBeEnabled();
    await save.click();
    await expect(page.getByTestId('user-saved')).toHaveText('Endringene er lagret.');
    await expect(mobile).toHaveValue('+4792000001');
    await expect(save).toBeDisabled();
    await expectAccessible(page, 'edit-user');
    await screenshot(page, 'edit-user');

    // Send engangspassord: says where the SMS went.
    await page.getByRole('button', { name: 'Send engangspassord' }).click();
    await expect(page.getByTestId('otp-sent')).toContainText('Engangspassord er sendt på SMS til +4792000001');

    // Lag ny to-faktorkode: confirmed, then the new code differs from the one downloaded before.
    const before = await downloadQrCode(page, harness, 'kari.nordmann');
    await page.getByRole('button', { name: 'Lag ny to-faktorkode' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lage ny to-faktorkode for Kari Nordmann?' });
    await expect(dialog).toContainText('Den gamle koden i brukerens app slutter å virke med en gang');
    await expectAccessible(page, 'regenerate-confirm');
    await screenshot(page, 'regenerate-confirm');
    await dialog.getByRole('button', { name: 'Lag ny to-faktorkode' }).click();
    await expect(page.getByTestId('totp-regenerated')).toContainText('Den gamle koden virker ikke lenger');
    await expect(page.getByRole('button', { name: 'Last ned QR-kode' })).toBeFocused();
    const after = await downloadQrCode(page, harness, 'kari.nordmann');
    expect(after.secret.base32).not.toBe(before.secret.base32);
    await screenshot(page, 'edit-user-qr-saved');

    // A stale version: another window saves first; this one explains the conflict and reloads.
    const email = page.getByLabel('E-post');
    await email.fill('kari@nhn-test.example');
    const other = await page.context().newPage();
    await other.goto(`${harness.url}/#/user/user-demo-kari`);
    await other.getByLabel('Mobiltelefon').fill('93000001');
    await other.getByRole('button', { name: 'Lagre endringer' }).click();
    await expect(other.getByTestId('user-saved')).toBeVisible();
    await other.close();
    await expect(page.getByText('Brukeren er endret i kundeportalen siden du åpnet den.')).toBeVisible();
    await save.click();
    const conflict = page.getByTestId('user-conflict');
    await expect(conflict).toContainText('Noen andre har lagret endringer på brukeren');
    await expect(conflict.getByRole('row', { name: /Mobiltelefon/ })).toContainText('+4793000001');
    await expectAccessible(page, 'edit-user-conflict');
    await screenshot(page, 'edit-user-conflict');
    await conflict.getByRole('button', { name: 'Last inn på nytt' }).click();
    await page.getByRole('dialog', { name: 'Forkaste endringene dine?' }).getByRole('button', { name: 'Forkast og last inn på nytt' }).click();
    await expect(conflict).toHaveCount(0);
    await expect(mobile).toHaveValue('+4793000001');
    await expect(email).toHaveValue('kari.nordmann@nhn-test.example');

    // Kundeportaladministratorer: the rule up front; delegate to Kari, then revoke.
    await nav.getByRole('link', { name: 'Kundeportaladministratorer' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kundeportaladministratorer');
    await expect(page.getByText('Det er mulig å delegere kundeportaladministrator-rettighetene til andre i virksomheten', { exact: false })).toBeVisible();
    await expect(page.getByTestId('last-admin-rule')).toContainText('Den siste kan ikke fjernes');
    const admins = page.getByTestId('admin-list');
    await expect(admins.getByRole('row')).toHaveCount(2);
    await expect(admins.getByRole('button', { name: /Fjern rettigheter/ })).toBeDisabled();
    await expectAccessible(page, 'admins');
    await screenshot(page, 'admins');

    await page.getByLabel('Bruker', { exact: true }).selectOption({ label: 'Kari Nordmann (kari.nordmann)' });
    await page.getByRole('button', { name: 'Gjør til kundeportaladministrator' }).click();
    // Handing over one's own rights is asked first, saying what they allow; Avbryt has focus.
    const delegateConfirm = page.getByRole('dialog', { name: 'Gjøre Kari Nordmann til kundeportaladministrator?' });
    await expect(delegateConfirm).toContainText('Kari Nordmann (kari.nordmann) får de samme rettighetene som deg');
    await expect(delegateConfirm.getByRole('button', { name: 'Avbryt' })).toBeFocused();
    await delegateConfirm.getByRole('button', { name: 'Gjør til kundeportaladministrator' }).click();
    await expect(page.getByTestId('admin-notice')).toHaveText('Kari Nordmann er nå kundeportaladministrator.');
    await expect(admins.getByRole('row')).toHaveCount(3);
    await screenshot(page, 'admins-delegated');

    await admins.getByRole('button', { name: 'Fjern rettigheter: Kari Nordmann' }).click();
    const revoke = page.getByRole('dialog', { name: 'Fjerne kundeportaladministrator-rettighetene til Kari Nordmann?' });
    await revoke.getByRole('button', { name: 'Fjern rettigheter' }).click();
    await expect(page.getByTestId('admin-notice')).toHaveText('Kari Nordmann er ikke lenger kundeportaladministrator.');
    await expect(admins.getByRole('row')).toHaveCount(2);
    await expect(admins.getByRole('button', { name: /Fjern rettigheter/ })).toBeDisabled();
  } finally {
    await harness.stop();
  }
});

test('opened straight on Brukere: the list asked for as the app starts shows after sign-in and on a reload, never an error', async ({ page }) => {
  test.setTimeout(120_000);
  const harness = await startHarnessProcess();
  try {
    // Before sign-in the app asks for the list as it starts (renderer/stores/first-screen-reads.ts): main refuses it.
    await page.goto(`${harness.url}/#/users`);
    await page.waitForSelector('html[data-app-ready="true"]');
    await expect(page.getByRole('button', { name: 'Logg inn' })).toBeVisible();
    await signInThroughBrowser(page, harness);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Brukere');
    await expect(page.getByTestId('user-list').getByRole('link', { name: 'Kari Nordmann' })).toBeVisible();
    await expect(page.locator('[data-error-code]')).toHaveCount(0);

    // Signed in, a reload on the same screen: the list asked for at start is the one shown.
    await page.reload();
    await expect(page.getByTestId('user-list').getByRole('link', { name: 'Kari Nordmann' })).toBeVisible();
    await expect(page.getByTestId('user-count')).toHaveText(/\d+/);
    await expect(page.locator('[data-error-code]')).toHaveCount(0);
  } finally {
    await harness.stop();
  }
});

test('in English, the user and administrator screens have no untranslated text in any state', async ({ page }) => {
  test.setTimeout(120_000);
  const harness = await startHarnessProcess(['--activation-delay-ms', '0', '--group-sync-delay-ms', '0']);
  const expectTranslated = async (state: string) => {
    expect(await untranslatedTexts(page), `untranslated on ${state}`).toEqual([]);
    await expectAccessible(page, state);
  };
  try {
    await signInAndActivate(page, harness);
    // The menu's own name changes with the language, so it is found by role alone.
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Innstillinger' }).click();
    await page.getByLabel('Språk').selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await nav.getByRole('link', { name: 'Users' }).click();
    await expect(page.getByTestId('user-list').getByRole('link', { name: 'Kari Nordmann' })).toBeVisible();
    await expectTranslated('users');
    await page.getByRole('button', { name: 'Add user' }).click();
    const form = page.getByRole('form', { name: 'New user' });
    await form.getByLabel('Yubikey', { exact: true }).check();
    await form.getByLabel('E-mail').fill('per@');
    await form.getByLabel('Mobile phone').fill('12');
    await form.getByRole('button', { name: 'Add user' }).click();
    await expect(form.getByLabel('Yubikey (two-factor code)')).toHaveAccessibleDescription(/Touch the Yubikey/);
    await expectTranslated('new-user-errors');
    await screenshot(page, 'en-new-user-errors');
    await form.getByLabel('Google Authenticator').check();
    await form.getByLabel('First name').fill('Per');
    await form.getByLabel('Last name').fill('Hansen');
    await form.getByLabel('E-mail').fill('kari.nordmann@nhn-test.example');
    await form.getByLabel('Mobile phone').fill('91234567');
    await form.getByRole('button', { name: 'Add user' }).click();
    const duplicate = page.getByRole('dialog', { name: 'The e-mail address is already in use' });
    await expect(duplicate.getByRole('listitem')).toHaveText(['Kari Nordmann (kari.nordmann)']);
    await expectTranslated('new-user-duplicate-email');
    await screenshot(page, 'en-new-user-duplicate-email');
    await duplicate.getByRole('button', { name: 'Cancel' }).click();
    await form.getByLabel('E-mail').fill('per.hansen@nhn-test.example');
    await form.getByLabel('Mobile phone').fill('91234567');
    await form.getByRole('button', { name: 'Add user' }).click();
    const created = page.getByTestId('user-created');
    await created.getByRole('button', { name: 'Download QR code' }).click();
    await expect(created.getByTestId('qr-saved')).toContainText('delete the file');
    await expectTranslated('user-created');

    await page.getByTestId('user-list').getByRole('link', { name: 'Kari Nordmann' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Edit user');
    await page.getByRole('button', { name: 'Send one-time password' }).click();
    await expect(page.getByTestId('otp-sent')).toBeVisible();
    await page.getByRole('button', { name: 'Make a new two-factor code' }).click();
    await expectTranslated('regenerate-confirm');
    await page.getByRole('dialog').getByRole('button', { name: 'Make a new two-factor code' }).click();
    await expect(page.getByTestId('totp-regenerated')).toBeVisible();
    await page.getByLabel('Yubikey', { exact: true }).check();
    await expectTranslated('edit-user');
    await screenshot(page, 'en-edit-user');

    await nav.getByRole('link', { name: 'Portal administrators' }).click();
    // The change of second factor is not saved: leaving asks first.
    const leave = page.getByRole('dialog', { name: 'Go on without saving?' });
    await expectTranslated('unsaved-changes');
    await leave.getByRole('button', { name: 'Go on without saving' }).click();
    await expect(page.getByTestId('admin-list')).toBeVisible();
    await expectTranslated('admins');
  } finally {
    await harness.stop();
  }
});

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './harness-fixture';
import { untranslatedTexts } from './ui-texts';

/**
 * One way for field errors: Settings → Legg til portal says what is wrong at each field, in the app's
 * language, whoever found it (the form's own check, or main's answer over the bridge); no input gives
 * "Det oppstod en uventet feil".
 */

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`), `axe on ${screen}`).toEqual([]);
}

test('Legg til portal: every problem is said at its field, in Norwegian and English, and never as an unexpected error', async ({ page, harness }) => {
  await page.goto(`${harness.url}/#/settings`);
  await page.waitForSelector('html[data-app-ready="true"]');
  const form = page.getByRole('form', { name: 'Legg til portal' });
  const name = form.getByLabel('Navn', { exact: true });
  const portalUrl = form.getByLabel('Kundeportalens adresse');
  const issuer = form.getByLabel('Innloggingstjeneste (OpenID Connect-utsteder)');
  const submit = form.getByRole('button', { name: 'Legg til portal' });

  // Empty: the app names each missing field (not only the browser's bubble on the first one).
  await submit.click();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription('Gi portalen et navn, for eksempel «Norsk Helsenett».');
  await expect(portalUrl).toHaveAccessibleDescription(/Skriv inn adressen, for eksempel https:\/\/kunde\.nhn\.no\./);
  await expect(issuer).toHaveAccessibleDescription(/Skriv inn adressen/);
  await expect(name).toBeFocused();
  await expect(form.getByRole('alert')).toHaveText('Noen av feltene er ikke gyldige.');

  // An address without its scheme and an issuer that is not a URL: said at each, focus on the first.
  await name.fill('Norsk Helsenett');
  await portalUrl.fill('kunde.nhn.no');
  await issuer.fill('not a url');
  await submit.click();
  await expect(portalUrl).toHaveAccessibleDescription(/Adressen må begynne med https:\/\/, for eksempel https:\/\/kunde\.nhn\.no\./);
  await expect(issuer).toHaveAccessibleDescription(/Ikke en nettadresse\./);
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
  await expect(portalUrl).toBeFocused();

  // A remote portal over plain http: a translated reason at the field, not a raw English line.
  await portalUrl.fill('http://kunde.nhn.no');
  await issuer.fill('https://id.nhn.no/oidc');
  await submit.click();
  await expect(portalUrl).toHaveAccessibleDescription(/Adressen må være https \(http går bare på denne maskinen, 127\.0\.0\.1\)\./);
  await expect(issuer).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Det oppstod en uventet feil')).toHaveCount(0);
  await expect(page.getByText('must be https')).toHaveCount(0);
  await expectAccessible(page, 'add-portal-errors');
  await page.screenshot({ path: test.info().outputPath('add-portal-errors-nb.png'), fullPage: true });

  // The same errors in English, as soon as the language changes.
  await page.getByLabel('Språk').selectOption('en');
  const english = page.getByRole('form', { name: 'Add portal' });
  await expect(english.getByLabel("Customer portal's address")).toHaveAccessibleDescription(/The address must be https \(http only works on this machine, 127\.0\.0\.1\)\./);
  expect(await untranslatedTexts(page)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('add-portal-errors-en.png'), fullPage: true });

  await english.getByLabel("Customer portal's address").fill('https://kunde.nhn.no');
  await english.getByRole('button', { name: 'Add portal' }).click();
  await expect(page.getByText('The portal "Norsk Helsenett" was added.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Norsk Helsenett https:\/\/kunde\.nhn\.no/ })).toBeVisible();
  await page.getByLabel('Language').selectOption('nb');
});

test("main answers a request the form did not check with the same field codes, and the contract's own refusals in the portal's words", async ({ page, harness }) => {
  await page.goto(`${harness.url}/#/settings`);
  await page.waitForSelector('html[data-app-ready="true"]');
  const answers = await page.evaluate(async () => {
    const fieldsOf = async (input: { name: string; portalUrl: string; issuer: string; clientId: string }) => {
      const result = await window.portal.profiles.save(input);
      return result.ok ? 'saved' : { code: result.error.code, fields: result.error.fields?.map(({ path, code, limit }) => ({ path, code, limit })) };
    };
    return {
      rules: await fieldsOf({ name: '', portalUrl: 'kunde.nhn.no', issuer: 'not a url', clientId: 'klient-æ' }),
      insecure: await fieldsOf({ name: 'X', portalUrl: 'http://kunde.nhn.no', issuer: 'https://user:pw@id.nhn.no', clientId: '' }),
      contract: await fieldsOf({ name: 'x'.repeat(81), portalUrl: 'https://a.no', issuer: 'https://a.no', clientId: '' }),
    };
  });
  expect(answers).toEqual({
    rules: {
      code: 'INVALID_INPUT',
      fields: [
        { path: 'name', code: 'NAME_REQUIRED' },
        { path: 'portalUrl', code: 'URL_SCHEME_MISSING' },
        { path: 'issuer', code: 'URL_INVALID' },
        { path: 'clientId', code: 'CLIENT_ID_INVALID' },
      ],
    },
    insecure: {
      code: 'INVALID_INPUT',
      fields: [
        { path: 'portalUrl', code: 'URL_NOT_HTTPS' },
        { path: 'issuer', code: 'URL_CREDENTIALS' },
      ],
    },
    contract: { code: 'INVALID_INPUT', fields: [{ path: 'name', code: 'MAXLENGTH', limit: 80 }] },
  });
});

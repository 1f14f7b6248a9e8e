import { chromium, type Browser, type Page } from '@playwright/test';
import type { PendingLogin } from './native-app';

/**
 * Chromium as the system browser; one per test file, a fresh context (no cookies) per sign-in.
 * `trustedSpkiHashes`: self-signed test servers whose certificate (by its key, base64 SHA-256 of the SPKI)
 * Chromium accepts; every other certificate error still fails, so no context needs ignoreHTTPSErrors.
 */
export function launchBrowser(options: { trustedSpkiHashes?: string[] } = {}): Promise<Browser> {
  const trusted = options.trustedSpkiHashes ?? [];
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      ...(trusted.length > 0 ? [`--ignore-certificate-errors-spki-list=${trusted.join(',')}`] : []),
    ],
  });
}

export async function withPage<T>(browser: Browser, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

/** Step one of the sign-in page: username and password (or the SMS one-time password). */
export async function submitCredentials(page: Page, username: string, secret: string): Promise<void> {
  await page.getByLabel('Brukernavn').fill(username);
  await page.getByLabel('Passord, eller engangspassordet fra SMS').fill(secret);
  await page.getByRole('button', { name: /Neste/ }).click();
}

export async function submitCode(page: Page, code: string): Promise<void> {
  await page.locator('#code').fill(code);
  await page.getByRole('button', { name: /Logg inn/ }).click();
}

/** Drives the whole sign-in for a pending login and returns the authorization code from the redirect. */
export async function signInThroughBrowser(
  page: Page,
  login: PendingLogin,
  credentials: { username: string; secret: string; code: () => string },
): Promise<string> {
  await page.goto(login.authorizationUrl);
  await submitCredentials(page, credentials.username, credentials.secret);
  await page.locator('#code').waitFor();
  await submitCode(page, credentials.code());
  const query = await login.callback;
  const code = query.get('code');
  if (!code) throw new Error(`no code in the redirect: ${query.toString()}`);
  return code;
}

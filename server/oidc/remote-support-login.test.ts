import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/database';
import { startPortalServer, type RunningPortalServer } from '../start';
import { launchBrowser, signInThroughBrowser, submitCode, submitCredentials, withPage } from './test-support/browser';
import { insertOrganisation, insertUser, newTotpSecret, setOneTimePassword, steppingClock, totpCode, yubikeyOtp } from './test-support/fixtures';
import { beginLogin, callApi, discover, jwtClaims, type Discovery, type PendingLogin } from './test-support/native-app';

const ORG = { id: 'org-remote-test', name: 'Fjernhjelp Test Helse' };
const ADMIN = { id: 'user-rs-admin', username: 'rs.admin', password: 'Admin-Passord-2026', totpSecret: newTotpSecret() };
const TOTP_USER = { id: 'user-rs-totp', username: 'ola.totp', oneTimePassword: 'sms7k2mq9x', totpSecret: newTotpSecret() };
const YUBIKEY_USER = { id: 'user-rs-yubi', username: 'per.yubikey', oneTimePassword: 'sms4h8ncv3', yubikeyPublicId: 'cccjgjgkhcbb' };

describe('Remote-support users sign in with the SMS one-time password and their second factor', () => {
  let dir: string;
  let server: RunningPortalServer;
  let browser: Browser;
  let discovery: Discovery;
  let db: Db;
  const clock = steppingClock();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'oidc-remote-'));
    const dbPath = join(dir, 'portal.db');
    db = openDatabase(dbPath);
    insertOrganisation(db, ORG);
    await insertUser(db, { ...ADMIN, organisationId: ORG.id, twoFactor: 'totp', portalAdmin: true });
    await insertUser(db, { ...TOTP_USER, organisationId: ORG.id, twoFactor: 'totp' });
    await insertUser(db, { ...YUBIKEY_USER, organisationId: ORG.id, twoFactor: 'yubikey' });
    server = await startPortalServer({ port: 0, dbPath, seed: 'empty', devTokens: true, now: clock.now, loginFailureDelayMs: () => 0 });
    discovery = await discover(server.issuer);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs `steps` on the sign-in page of a fresh login; the login's listener is closed afterwards. */
  async function onSignInPage<T>(steps: (page: Page, login: PendingLogin) => Promise<T>): Promise<T> {
    const login = await beginLogin(discovery);
    try {
      return await withPage(browser, async (page) => {
        await page.goto(login.authorizationUrl);
        return steps(page, login);
      });
    } finally {
      await login.close();
    }
  }

  it('signs in a TOTP user with the one-time password, which then cannot be used again', async () => {
    const login = await beginLogin(discovery);
    try {
      const code = await withPage(browser, (page) =>
        signInThroughBrowser(page, login, { username: TOTP_USER.username, secret: TOTP_USER.oneTimePassword, code: () => totpCode(TOTP_USER.totpSecret, clock.nextStep()) }),
      );
      const tokens = await login.finish(code);
      expect(jwtClaims(tokens.id_token!)).toMatchObject({ sub: TOTP_USER.id, roles: ['remote-support-user'], amr: ['sms', 'otp', 'mfa'] });
      const me = await callApi(server.url, '/api/v1/me', tokens.access_token);
      expect(me.status).toBe(200);
      expect(JSON.stringify(me.body)).toContain(TOTP_USER.id);
    } finally {
      await login.close();
    }

    // Single use: the same one-time password is refused at step one.
    await onSignInPage(async (page) => {
      await submitCredentials(page, TOTP_USER.username, TOTP_USER.oneTimePassword);
      await expect(page.locator('#error').textContent()).resolves.toContain('Feil brukernavn eller passord');
    });
  });

  it('refuses an expired one-time password', async () => {
    await setOneTimePassword(db, TOTP_USER.id, 'sms-expired1', new Date(clock.now().getTime() - 1000));
    await onSignInPage(async (page) => {
      await submitCredentials(page, TOTP_USER.username, 'sms-expired1');
      await expect(page.locator('#error').textContent()).resolves.toContain('Feil brukernavn eller passord');
    });
  });

  it('does not burn the one-time password on a wrong second factor', async () => {
    await setOneTimePassword(db, TOTP_USER.id, 'sms-retry22');
    const login = await beginLogin(discovery);
    try {
      await withPage(browser, async (page) => {
        await page.goto(login.authorizationUrl);
        await submitCredentials(page, TOTP_USER.username, 'sms-retry22');
        const right = totpCode(TOTP_USER.totpSecret, clock.nextStep());
        await submitCode(page, String((Number(right) + 1) % 1_000_000).padStart(6, '0'));
        await expect(page.locator('#error').textContent()).resolves.toContain('Feil kode');
        await submitCode(page, right);
        expect((await login.callback).get('code')).toBeTruthy();
      });
    } finally {
      await login.close();
    }
  });

  it('signs in a Yubikey user with the one-time password and a Yubikey OTP, and refuses a replayed or foreign OTP', async () => {
    const touch = yubikeyOtp(YUBIKEY_USER.yubikeyPublicId);
    const login = await beginLogin(discovery);
    try {
      const code = await withPage(browser, (page) =>
        signInThroughBrowser(page, login, { username: YUBIKEY_USER.username, secret: YUBIKEY_USER.oneTimePassword, code: () => touch }),
      );
      const tokens = await login.finish(code);
      expect(jwtClaims(tokens.id_token!)).toMatchObject({ sub: YUBIKEY_USER.id, amr: ['sms', 'hwk', 'mfa'] });
      expect((await callApi(server.url, '/api/v1/me', tokens.access_token)).status).toBe(200);
    } finally {
      await login.close();
    }

    await setOneTimePassword(db, YUBIKEY_USER.id, 'sms-second1');
    await onSignInPage(async (page) => {
      await submitCredentials(page, YUBIKEY_USER.username, 'sms-second1');
      await page.locator('#code').waitFor();
      expect(await page.locator('label[for=code]').textContent()).toContain('Yubikey');
      // The same touch again: a replay.
      await submitCode(page, touch);
      await expect(page.locator('#error').textContent()).resolves.toContain('allerede brukt');
      // Another key's OTP, and a malformed one.
      await submitCode(page, yubikeyOtp('cccccccccccb'));
      await expect(page.locator('#error').textContent()).resolves.toContain('Feil kode');
      await submitCode(page, 'not-a-yubikey-otp');
      await expect(page.locator('#error').textContent()).resolves.toContain('Feil kode');
      // A fresh touch of the right key still works (the one-time password was not burnt).
      await submitCode(page, yubikeyOtp(YUBIKEY_USER.yubikeyPublicId));
      await page.waitForURL(/\/callback\?/);
    });
  });

  it('"the user can now log in": a user created through the API signs in with the SMS password and the QR code secret', async () => {
    const devToken = await fetch(`${server.url}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: ADMIN.username }),
    });
    const { access_token: adminToken } = (await devToken.json()) as { access_token: string };
    const created = await fetch(`${server.url}/api/v1/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ firstName: 'Nina', lastName: 'Nyansatt', email: 'nina.nyansatt@example.test', mobile: '91234567', twoFactor: 'totp' }),
    });
    expect(created.status).toBe(201);
    const user = (await created.json()) as { id: string; username: string; otpauthUri: string };

    // What the user receives: the one-time password by SMS, and the QR code (its otpauth URI) from the admin.
    const outbox = (await (await fetch(`${server.url}/dev/outbox?userId=${encodeURIComponent(user.id)}`)).json()) as Array<{ channel: string; body: string }>;
    const sms = outbox.find((message) => message.channel === 'sms');
    const oneTimePassword = /: (\S+)\n/.exec(sms?.body ?? '')?.[1];
    expect(oneTimePassword).toBeTruthy();
    const authenticator = OTPAuth.URI.parse(user.otpauthUri) as OTPAuth.TOTP;

    const login = await beginLogin(discovery);
    try {
      const code = await withPage(browser, (page) =>
        signInThroughBrowser(page, login, {
          username: user.username,
          secret: oneTimePassword!,
          code: () => authenticator.generate({ timestamp: clock.nextStep().getTime() }),
        }),
      );
      const tokens = await login.finish(code);
      expect(jwtClaims(tokens.id_token!)).toMatchObject({ sub: user.id, preferred_username: user.username, roles: ['remote-support-user'] });
      expect((await callApi(server.url, '/api/v1/me', tokens.access_token)).status).toBe(200);
    } finally {
      await login.close();
    }
  });
});

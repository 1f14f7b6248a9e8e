import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/database';
import { startPortalServer, type RunningPortalServer } from '../start';
import { launchBrowser, signInThroughBrowser, submitCode, submitCredentials, withPage } from './test-support/browser';
import { insertOrganisation, insertUser, newTotpSecret, steppingClock, totpCode } from './test-support/fixtures';
import { beginLogin, callApi, discover, DpopKey, jwtClaims, refresh, revoke, type Discovery, type TokenResponse } from './test-support/native-app';

const ORG = { id: 'org-login-test', name: 'Login Test Helse' };
const ADMIN = { id: 'user-admin', username: 'kari.admin', password: 'Riktig-Passord-2026', totpSecret: newTotpSecret() };
const COLLEAGUE = { id: 'user-colleague', username: 'ola.admin', password: 'Annet-Passord-2026', totpSecret: newTotpSecret() };

describe('OpenID Connect sign-in of a portal administrator (real server, SQLite file, Chromium)', () => {
  let dir: string;
  let server: RunningPortalServer;
  let browser: Browser;
  let discovery: Discovery;
  let db: Db;
  const clock = steppingClock();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'oidc-admin-'));
    const dbPath = join(dir, 'portal.db');
    db = openDatabase(dbPath);
    insertOrganisation(db, ORG);
    await insertUser(db, { ...ADMIN, organisationId: ORG.id, twoFactor: 'totp', portalAdmin: true });
    await insertUser(db, { ...COLLEAGUE, organisationId: ORG.id, twoFactor: 'totp', portalAdmin: true });
    server = await startPortalServer({
      port: 0,
      dbPath,
      seed: 'empty',
      now: clock.now,
      // Short enough for a fast suite, long enough to measure that it grows.
      loginFailureDelayMs: (failures) => failures * 250,
    });
    discovery = await discover(server.issuer);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function signInAdmin(options: { par?: boolean; dpop?: DpopKey } = {}): Promise<TokenResponse> {
    const login = await beginLogin(discovery, options);
    try {
      const code = await withPage(browser, (page) =>
        signInThroughBrowser(page, login, { username: ADMIN.username, secret: ADMIN.password, code: () => totpCode(ADMIN.totpSecret, clock.nextStep()) }),
      );
      return await login.finish(code);
    } finally {
      await login.close();
    }
  }

  it('advertises PKCE S256, PAR, DPoP and revocation in discovery', () => {
    expect(discovery.issuer).toBe(server.issuer);
    expect(discovery.code_challenge_methods_supported).toEqual(['S256']);
    expect(discovery.pushed_authorization_request_endpoint).toBe(`${server.issuer}/request`);
    expect(discovery.dpop_signing_alg_values_supported).toContain('ES256');
    expect(discovery.revocation_endpoint).toBe(`${server.issuer}/token/revocation`);
    expect(discovery['scopes_supported']).toEqual(expect.arrayContaining(['openid', 'profile', 'offline_access', 'portal']));
  });

  it('signs in with password and TOTP, issues tokens with the user claims, and the access token works at the API', async () => {
    const tokens = await signInAdmin();
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.refresh_token).toBeTruthy();
    const claims = jwtClaims(tokens.id_token!);
    expect(claims).toMatchObject({
      iss: server.issuer,
      aud: 'fjernhjelp-admin',
      sub: ADMIN.id,
      preferred_username: ADMIN.username,
      organisation_id: ORG.id,
      organisation_name: ORG.name,
      roles: ['portal-admin', 'remote-support-user'],
      amr: ['pwd', 'otp', 'mfa'],
    });

    const me = await callApi(server.url, '/api/v1/me', tokens.access_token);
    expect(me.status).toBe(200);
    expect(JSON.stringify(me.body)).toContain(ADMIN.id);

    expect((await callApi(server.url, '/api/v1/me', 'not-a-real-token')).status).toBe(401);
  });

  it('accepts the loopback redirect URI on any port (RFC 8252 §7.3) and refuses another path or host', async () => {
    const first = await beginLogin(discovery);
    const second = await beginLogin(discovery);
    try {
      expect(new URL(first.redirectUri).port).not.toBe(new URL(second.redirectUri).port);
      for (const login of [first, second]) {
        const code = await withPage(browser, (page) =>
          signInThroughBrowser(page, login, { username: ADMIN.username, secret: ADMIN.password, code: () => totpCode(ADMIN.totpSecret, clock.nextStep()) }),
        );
        expect((await login.finish(code)).access_token).toBeTruthy();
      }
    } finally {
      await first.close();
      await second.close();
    }

    for (const redirectUri of ['http://127.0.0.1:4000/elsewhere', 'http://evil.example/callback']) {
      const url = new URL(discovery.authorization_endpoint);
      url.search = new URLSearchParams({
        client_id: 'fjernhjelp-admin',
        response_type: 'code',
        redirect_uri: redirectUri,
        scope: 'openid',
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
      }).toString();
      const response = await fetch(url, { redirect: 'manual' });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('redirect_uri');
    }
  });

  it('refuses an authorization request without PKCE', async () => {
    const url = new URL(discovery.authorization_endpoint);
    url.search = new URLSearchParams({ client_id: 'fjernhjelp-admin', response_type: 'code', redirect_uri: 'http://127.0.0.1:5000/callback', scope: 'openid' }).toString();
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(new URL(response.headers.get('location')!).searchParams.get('error')).toBe('invalid_request');
  });

  it('rotates the refresh token on every use, and reuse of a used one revokes the whole grant', async () => {
    const tokens = await signInAdmin();
    const first = await refresh(discovery, tokens.refresh_token!);
    expect(first.ok).toBe(true);
    const rotated = first.body['refresh_token'] as string;
    const newAccess = first.body['access_token'] as string;
    expect(rotated).toBeTruthy();
    expect(rotated).not.toBe(tokens.refresh_token);
    expect((await callApi(server.url, '/api/v1/me', newAccess)).status).toBe(200);

    // The old refresh token again: refused, and the grant is gone with everything issued from it.
    const reuse = await refresh(discovery, tokens.refresh_token!);
    expect(reuse.status).toBe(400);
    expect(reuse.body['error']).toBe('invalid_grant');
    expect((await refresh(discovery, rotated)).body['error']).toBe('invalid_grant');
    expect((await callApi(server.url, '/api/v1/me', newAccess)).status).toBe(401);
    expect((await callApi(server.url, '/api/v1/me', tokens.access_token)).status).toBe(401);
  });

  it('revokes the grant when the app revokes its refresh token at logout', async () => {
    const tokens = await signInAdmin();
    expect((await callApi(server.url, '/api/v1/me', tokens.access_token)).status).toBe(200);
    expect(await revoke(discovery, tokens.refresh_token!)).toBe(200);
    expect((await refresh(discovery, tokens.refresh_token!)).body['error']).toBe('invalid_grant');
    expect((await callApi(server.url, '/api/v1/me', tokens.access_token)).status).toBe(401);
  });

  it('signs in through PAR with DPoP: tokens are bound to the key and the API checks the proof', async () => {
    const key = await DpopKey.generate();
    const tokens = await signInAdmin({ par: true, dpop: key });
    expect(tokens.token_type).toBe('DPoP');
    const path = '/api/v1/me';
    const url = `${server.url}${path}`;

    expect((await callApi(server.url, path, tokens.access_token, { dpop: key })).status).toBe(200);
    // Bound token as Bearer, or without a proof: refused.
    expect((await callApi(server.url, path, tokens.access_token, { scheme: 'Bearer' })).status).toBe(401);
    expect((await callApi(server.url, path, tokens.access_token, { scheme: 'DPoP' })).status).toBe(401);
    // Proofs for the wrong method, URL, token, key or time; and a replayed proof.
    const other = await DpopKey.generate();
    const proofs = [
      await key.proof('POST', url, { accessToken: tokens.access_token }),
      await key.proof('GET', `${server.url}/api/v1/other`, { accessToken: tokens.access_token }),
      await key.proof('GET', url, { accessToken: 'another-token' }),
      await key.proof('GET', url),
      await other.proof('GET', url, { accessToken: tokens.access_token }),
      await key.proof('GET', url, { accessToken: tokens.access_token, iat: Math.floor(Date.now() / 1000) - 600 }),
    ];
    for (const proof of proofs) {
      expect((await callApi(server.url, path, tokens.access_token, { scheme: 'DPoP', proof })).status).toBe(401);
    }
    const once = await key.proof('GET', url, { accessToken: tokens.access_token });
    expect((await callApi(server.url, path, tokens.access_token, { scheme: 'DPoP', proof: once })).status).toBe(200);
    expect((await callApi(server.url, path, tokens.access_token, { scheme: 'DPoP', proof: once })).status).toBe(401);

    // The refresh token is bound to the same key: it refreshes only with a proof from that key.
    expect((await refresh(discovery, tokens.refresh_token!)).body['error']).toBe('invalid_grant');
    expect((await refresh(discovery, tokens.refresh_token!, other)).body['error']).toBe('invalid_grant');
    const refreshed = await refresh(discovery, tokens.refresh_token!, key);
    expect(refreshed.ok).toBe(true);
    expect(refreshed.body['token_type']).toBe('DPoP');
    expect((await callApi(server.url, path, refreshed.body['access_token'] as string, { dpop: key })).status).toBe(200);
  });

  it('shows a clear error for a wrong password and a wrong code, and the failure delay grows per username', async () => {
    const failures = db.prepare('SELECT count FROM login_failures WHERE username = ?').pluck();
    const login = await beginLogin(discovery);
    try {
      await withPage(browser, async (page) => {
        await page.goto(login.authorizationUrl);
        const response = page.waitForResponse((r) => r.url().endsWith('/credentials'));
        let started = Date.now();
        await submitCredentials(page, ADMIN.username, 'Feil-Passord');
        const headers = (await response).headers();
        const firstDelay = Date.now() - started;
        expect(headers['content-security-policy']).toContain("default-src 'none'");
        expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
        await expect(page.locator('#error').textContent()).resolves.toContain('Feil brukernavn eller passord');
        await expect(page.locator('#error').textContent()).resolves.toContain('Wrong username or password');
        expect(failures.get(ADMIN.username)).toBe(1);

        await submitCredentials(page, ADMIN.username, ADMIN.password);
        await page.locator('#code').waitFor();
        const at = clock.nextStep();
        const right = totpCode(ADMIN.totpSecret, at);
        const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
        started = Date.now();
        await submitCode(page, wrong);
        await expect(page.locator('#error').textContent()).resolves.toContain('Feil kode');
        const secondDelay = Date.now() - started;
        expect(failures.get(ADMIN.username)).toBe(2);
        expect(firstDelay).toBeGreaterThanOrEqual(250);
        expect(secondDelay).toBeGreaterThanOrEqual(500);

        await submitCode(page, right);
        const query = await login.callback;
        expect(query.get('code')).toBeTruthy();
      });
    } finally {
      await login.close();
    }
    // A completed sign-in clears the count.
    expect(failures.get(ADMIN.username)).toBeUndefined();
  });

  it('refuses the same TOTP code twice for one user', async () => {
    const at = clock.nextStep();
    const code = totpCode(ADMIN.totpSecret, at);
    const first = await beginLogin(discovery);
    const second = await beginLogin(discovery);
    try {
      await withPage(browser, (page) => signInThroughBrowser(page, first, { username: ADMIN.username, secret: ADMIN.password, code: () => code }));
      await withPage(browser, async (page) => {
        await page.goto(second.authorizationUrl);
        await submitCredentials(page, ADMIN.username, ADMIN.password);
        await submitCode(page, code);
        await expect(page.locator('#error').textContent()).resolves.toContain('allerede brukt');
      });
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('asks for the password and code again for every authorization: another loopback listener gets no code from the signed-in browser (RFC 8252 §8.6)', async () => {
    const first = await beginLogin(discovery);
    const silent = await beginLogin(discovery, { prompt: 'none' });
    const intruder = await beginLogin(discovery);
    const cancelled = await beginLogin(discovery);
    const browserContext = await browser.newContext();
    try {
      const page = await browserContext.newPage();
      const signedIn = await signInThroughBrowser(page, first, { username: ADMIN.username, secret: ADMIN.password, code: () => totpCode(ADMIN.totpSecret, clock.nextStep()) });
      const firstTokens = await first.finish(signedIn);
      expect(firstTokens.refresh_token).toBeTruthy();

      // The browser holds the portal's session cookie now. A request that asks to be answered without a
      // page is refused, at the listener, without a code.
      await page.goto(silent.authorizationUrl);
      const refused = await silent.callback;
      expect(refused.get('error')).toBe('login_required');
      expect(refused.get('code')).toBeNull();

      // Another listener's request, with its own port and PKCE challenge: the browser stops at the sign-in
      // page, and nothing reaches the listener until the user signs in there.
      await page.goto(intruder.authorizationUrl);
      expect(new URL(page.url()).pathname).toMatch(/^\/oidc\/interaction\/[^/]+$/);
      await page.getByLabel('Brukernavn').waitFor();
      expect(intruder.callbacksReceived()).toBe(0);
      const code = await signInThroughBrowser(page, intruder, { username: ADMIN.username, secret: ADMIN.password, code: () => totpCode(ADMIN.totpSecret, clock.nextStep()) });
      const secondTokens = await intruder.finish(code);

      // Each sign-in is its own grant: revoking the first one's refresh token leaves the second one working.
      expect(await revoke(discovery, firstTokens.refresh_token!)).toBe(200);
      expect((await callApi(server.url, '/api/v1/me', firstTokens.access_token)).status).toBe(401);
      expect((await callApi(server.url, '/api/v1/me', secondTokens.access_token)).status).toBe(200);
      expect((await refresh(discovery, secondTokens.refresh_token!)).ok).toBe(true);

      // The sign-in page shown in the signed-in browser can be cancelled: access_denied, no code.
      await page.goto(cancelled.authorizationUrl);
      await page.getByRole('button', { name: /Avbryt/ }).click();
      const query = await cancelled.callback;
      expect(query.get('error')).toBe('access_denied');
      expect(query.get('code')).toBeNull();
    } finally {
      await browserContext.close();
      await Promise.all([first.close(), silent.close(), intruder.close(), cancelled.close()]);
    }
  });

  it('signs a second user in on a browser where another user signed in, with the second user\'s own tokens', async () => {
    const first = await beginLogin(discovery);
    const second = await beginLogin(discovery);
    const browserContext = await browser.newContext();
    try {
      const page = await browserContext.newPage();
      const firstCode = await signInThroughBrowser(page, first, { username: ADMIN.username, secret: ADMIN.password, code: () => totpCode(ADMIN.totpSecret, clock.nextStep()) });
      expect(jwtClaims((await first.finish(firstCode)).id_token!)['sub']).toBe(ADMIN.id);
      const secondCode = await signInThroughBrowser(page, second, {
        username: COLLEAGUE.username,
        secret: COLLEAGUE.password,
        code: () => totpCode(COLLEAGUE.totpSecret, clock.nextStep()),
      });
      const tokens = await second.finish(secondCode);
      expect(jwtClaims(tokens.id_token!)['sub']).toBe(COLLEAGUE.id);
      const me = await callApi(server.url, '/api/v1/me', tokens.access_token);
      expect(JSON.stringify(me.body)).toContain(COLLEAGUE.id);
    } finally {
      await browserContext.close();
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('does not show demo credentials unless the server runs the demo seed with the option set', async () => {
    const login = await beginLogin(discovery);
    try {
      await withPage(browser, async (page) => {
        await page.goto(login.authorizationUrl);
        await page.getByLabel('Brukernavn').waitFor();
        expect(await page.locator('#demo-credentials').count()).toBe(0);
        expect(await page.content()).not.toContain('DEMO');
      });
    } finally {
      await login.close();
    }
  });
});

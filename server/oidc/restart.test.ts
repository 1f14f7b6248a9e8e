import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { startPortalServer } from '../start';
import { launchBrowser, signInThroughBrowser, withPage } from './test-support/browser';
import { insertOrganisation, insertUser, newTotpSecret, steppingClock, totpCode } from './test-support/fixtures';
import { beginLogin, callApi, discover, refresh } from './test-support/native-app';

const USER = { id: 'user-restart', username: 'restart.admin', password: 'Restart-Passord-2026', totpSecret: newTotpSecret() };

describe('sign-in state survives a restart on the same database file', () => {
  let dir: string;
  let dbPath: string;
  let browser: Browser;
  const clock = steppingClock();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'oidc-restart-'));
    dbPath = join(dir, 'portal.db');
    const db = openDatabase(dbPath);
    insertOrganisation(db, { id: 'org-restart', name: 'Restart Helse' });
    await insertUser(db, { ...USER, organisationId: 'org-restart', twoFactor: 'totp', portalAdmin: true });
    db.close();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps refresh and access tokens, signing keys and the refresh token chain across a restart', async () => {
    const first = await startPortalServer({ port: 0, dbPath, seed: 'empty', now: clock.now });
    const port = Number(new URL(first.url).port);
    const discovery = await discover(first.issuer);
    const login = await beginLogin(discovery);
    let tokens;
    try {
      const code = await withPage(browser, (page) =>
        signInThroughBrowser(page, login, { username: USER.username, secret: USER.password, code: () => totpCode(USER.totpSecret, clock.nextStep()) }),
      );
      tokens = await login.finish(code);
    } finally {
      await login.close();
      await first.close();
    }

    // The same port, as a restarted portal would have; the issuer is therefore the same too.
    const second = await startPortalServer({ port, dbPath, seed: 'empty', now: clock.now });
    try {
      expect(second.issuer).toBe(first.issuer);
      expect((await callApi(second.url, '/api/v1/me', tokens.access_token)).status).toBe(200);
      // The ID token issued before the restart verifies with the keys served after it.
      const { payload } = await jwtVerify(tokens.id_token!, createRemoteJWKSet(new URL(`${second.issuer}/jwks`)), { issuer: second.issuer, audience: 'fjernhjelp-admin' });
      expect(payload.sub).toBe(USER.id);

      const refreshed = await refresh(discovery, tokens.refresh_token!);
      expect(refreshed.ok).toBe(true);
      expect(refreshed.body['refresh_token']).not.toBe(tokens.refresh_token);
      expect((await callApi(second.url, '/api/v1/me', refreshed.body['access_token'] as string)).status).toBe(200);
      // Reuse detection works across the restart too.
      expect((await refresh(discovery, tokens.refresh_token!)).body['error']).toBe('invalid_grant');
    } finally {
      await second.close();
    }
  });

  it('stores token hashes, not token values, in the database', async () => {
    const server = await startPortalServer({ port: 0, dbPath, seed: 'empty', now: clock.now });
    const discovery = await discover(server.issuer);
    const login = await beginLogin(discovery);
    try {
      const code = await withPage(browser, (page) =>
        signInThroughBrowser(page, login, { username: USER.username, secret: USER.password, code: () => totpCode(USER.totpSecret, clock.nextStep()) }),
      );
      const tokens = await login.finish(code);
      const db = openDatabase(dbPath);
      const dump = (db.prepare("SELECT id || ' ' || payload FROM oidc_payloads").pluck().all() as string[]).join('\n');
      db.close();
      expect(dump).not.toContain(tokens.access_token);
      expect(dump).not.toContain(tokens.refresh_token!);
      expect(dump).not.toContain(code);
    } finally {
      await login.close();
      await server.close();
    }
  });
});

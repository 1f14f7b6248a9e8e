import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/database';
import { freePort } from '../engine/testing/meshcentral-fixture';
import { startPortalServer, type RunningPortalServer } from '../start';
import { insertOrganisation, insertUser, newTotpSecret, setOneTimePassword, steppingClock, totpCode } from './test-support/fixtures';
import { openHttpInteraction } from './test-support/http-sign-in';
import { callApi, discover, jwtClaims, type Discovery, type TokenResponse } from './test-support/native-app';

/**
 * The engine's client at the provider, without an engine: what MeshCentral's oidc strategy does over HTTP
 * (code flow with PKCE S256 and client_secret_basic), played with fetch. The real MeshCentral, browser and
 * agent are in server/engine/meshcentral/meshcentral-sign-in.test.ts.
 */
const ORG = { id: 'org-engine-client', name: 'Motorklient Leverandor', isVendor: true };
const TECH = { id: 'user-ec-tech', username: 'ec.tekniker', totpSecret: newTotpSecret() };
const ADMIN = { id: 'user-ec-admin', username: 'ec.admin', password: 'Motor-Admin-2026-ec', totpSecret: newTotpSecret() };
const CLIENT_ID = 'fjernhjelp-engine-test';
const CLIENT_SECRET = randomBytes(32).toString('base64url');
const REDIRECT_URI = 'https://127.0.0.1:4443/auth-oidc-callback';

describe("the engine's confidential client", () => {
  let dir: string;
  let db: Db;
  let server: RunningPortalServer;
  let discovery: Discovery;
  const clock = steppingClock();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'oidc-engine-client-'));
    const dbPath = join(dir, 'portal.db');
    db = openDatabase(dbPath);
    insertOrganisation(db, ORG);
    await insertUser(db, { ...TECH, organisationId: ORG.id, twoFactor: 'totp' });
    await insertUser(db, { ...ADMIN, organisationId: ORG.id, twoFactor: 'totp', portalAdmin: true });
    db.prepare('UPDATE users SET is_remote_support_user = 0 WHERE id = ?').run(ADMIN.id);
    server = await startPortalServer({
      port: 0,
      dbPath,
      seed: 'empty',
      now: clock.now,
      loginFailureDelayMs: () => 0,
      // No engine listens there: its reconciler fails and waits; the provider does not need it.
      engine: {
        kind: 'meshcentral',
        url: `wss://127.0.0.1:${await freePort()}`,
        certHash: '0'.repeat(96),
        credentials: { username: 'admin', password: 'unused' },
        reconcileIntervalMs: 3_600_000,
        signIn: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: REDIRECT_URI },
      },
    });
    discovery = await discover(server.issuer);
  });

  afterAll(async () => {
    await server?.close();
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function authorizationRequest(scope = 'openid profile email'): { authorizationUrl: string; redirectUri: string; verifier: string } {
    const verifier = randomBytes(32).toString('base64url');
    const url = new URL(discovery.authorization_endpoint);
    url.search = new URLSearchParams({
      client_id: CLIENT_ID,
      response_type: 'code',
      redirect_uri: REDIRECT_URI,
      scope,
      state: randomBytes(16).toString('base64url'),
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString();
    return { authorizationUrl: url.href, redirectUri: REDIRECT_URI, verifier };
  }

  async function redeem(code: string, verifier: string, secret = CLIENT_SECRET): Promise<{ status: number; body: TokenResponse & { error?: string } }> {
    const response = await fetch(discovery.token_endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(CLIENT_ID)}:${encodeURIComponent(secret)}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier }),
    });
    return { status: response.status, body: (await response.json()) as TokenResponse & { error?: string } };
  }

  /** A technician's whole sign-in for the engine's client; returns the code and the PKCE verifier. */
  async function signInTechnician(): Promise<{ code: string; verifier: string }> {
    const request = authorizationRequest();
    const oneTimePassword = `sms-${randomBytes(5).toString('hex')}`;
    await setOneTimePassword(db, TECH.id, oneTimePassword);
    const interaction = await openHttpInteraction(request);
    expect(await interaction.submitCredentials(TECH.username, oneTimePassword)).toBe('passed');
    expect(await interaction.submitCode(totpCode(TECH.totpSecret, clock.nextStep()))).toBe('passed');
    return { code: await interaction.authorizationCode(), verifier: request.verifier };
  }

  it('gives a remote-support user an ID token with who they are, name and e-mail, and nothing for the API', async () => {
    const { code, verifier } = await signInTechnician();
    const tokens = await redeem(code, verifier);
    expect(tokens.status).toBe(200);
    const claims = jwtClaims(tokens.body.id_token!);
    expect(claims).toMatchObject({ sub: TECH.id, aud: CLIENT_ID, name: `Test ${TECH.username}`, email: `${TECH.username}@example.test`, amr: ['sms', 'otp', 'mfa'] });
    // No portal claims and no refresh token: the engine needs neither.
    expect(claims).not.toHaveProperty('roles');
    expect(claims).not.toHaveProperty('organisation_id');
    expect(tokens.body.refresh_token).toBeUndefined();
    // The engine's access token is good for userinfo only, not for the portal's API.
    expect((await callApi(server.url, '/api/v1/me', tokens.body.access_token)).status).toBe(401);
  });

  it('refuses the API scope for the engine client', async () => {
    const response = await fetch(authorizationRequest('openid profile portal').authorizationUrl, { redirect: 'manual' });
    const location = new URL(response.headers.get('location') ?? '', server.url);
    expect(location.href.startsWith(REDIRECT_URI)).toBe(true);
    expect(location.searchParams.get('error')).toBe('invalid_scope');
  });

  it('refuses the code to a caller without the right client secret', async () => {
    const { code, verifier } = await signInTechnician();
    const wrong = await redeem(code, verifier, randomBytes(32).toString('base64url'));
    expect(wrong).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });

  it('refuses a portal administrator who is not a remote-support user at the first step, with its own message', async () => {
    const interaction = await openHttpInteraction(authorizationRequest());
    expect(await interaction.submitCredentials(ADMIN.username, ADMIN.password)).toBe('not-for-this-client');
  });

  it('refuses the tokens when the remote-support role went between the sign-in and the engine redeeming the code', async () => {
    const { code, verifier } = await signInTechnician();
    db.prepare('UPDATE users SET is_remote_support_user = 0 WHERE id = ?').run(TECH.id);
    try {
      expect(await redeem(code, verifier)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    } finally {
      db.prepare('UPDATE users SET is_remote_support_user = 1 WHERE id = ?').run(TECH.id);
    }
  });
});

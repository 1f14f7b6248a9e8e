import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AuthSession } from '../auth/auth-session';
import { CLIENT_ID } from '../auth/profile';
import { silentLogger, startTestPortal, subjectMemory, testSecrets, type TestPortal } from '../test-support/portal-fixture';
import { PortalClient } from './portal-client';

/**
 * A token the portal no longer accepts: the portal answers 401 with `WWW-Authenticate`, which
 * openid-client turns into an exception. The session must treat it as a 401 (refresh once and retry,
 * then SESSION_EXPIRED), not as a network failure: that showed "offline" for as long as the dropped
 * access token would have lived, while the portal answered everything else.
 */
describe('a token the portal has revoked', () => {
  let portal: TestPortal;
  const sentTokens: string[] = [];

  beforeAll(async () => {
    portal = await startTestPortal();
    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      const header = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)).get('authorization');
      if (header) sentTokens.push(header.split(' ')[1]!);
      return realFetch(input, init);
    });
  }, 60_000);

  afterAll(async () => {
    vi.restoreAllMocks();
    await portal?.close();
  });

  /** Revokes a token at the portal's revocation endpoint, as a logout elsewhere or an administrator would. */
  async function revoke(token: string, hint: 'access_token' | 'refresh_token'): Promise<void> {
    const discovery = (await (await fetch(`${portal.server.issuer}/.well-known/openid-configuration`)).json()) as { revocation_endpoint: string };
    const response = await fetch(discovery.revocation_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, token_type_hint: hint, client_id: CLIENT_ID }),
    });
    expect(response.status).toBe(200);
  }

  function newSession(secrets = testSecrets()) {
    // Its own profile id: the keychain entry `<profile>:<subject>` must not meet other tests' entries.
    return new AuthSession({
      profile: { ...portal.profile, id: 'revoked-token-test' },
      secrets,
      subjects: subjectMemory(),
      openBrowser: portal.openBrowser,
      logger: silentLogger,
    });
  }

  /** The portal drops every access token it issued (its token store purged), keeping the grants and refresh tokens. */
  function dropAccessTokens(): number {
    const db = new Database(join(portal.dir, 'portal.db'));
    try {
      return db.prepare("DELETE FROM oidc_payloads WHERE model = 'AccessToken'").run().changes;
    } finally {
      db.close();
    }
  }

  it('refreshes and retries when the portal dropped the access token, instead of reporting OFFLINE', async () => {
    const session = newSession();
    await session.signIn();
    const client = new PortalClient(portal.server.url, session, { retryDelaysMs: [] });
    await client.request('GET', 'me');
    expect(dropAccessTokens()).toBeGreaterThan(0);

    await expect(client.request('GET', 'me')).resolves.toMatchObject({ status: 200 });
    await session.signOut();
  }, 60_000);

  it('ends the session with SESSION_EXPIRED when the refresh token was revoked too', async () => {
    const secrets = testSecrets();
    const session = newSession(secrets);
    const { subject } = await session.signIn();
    const client = new PortalClient(portal.server.url, session, { retryDelaysMs: [] });
    await client.request('GET', 'me');
    const stored = JSON.parse((await secrets.get(`revoked-token-test:${subject}`))!) as { refreshToken: string };
    await revoke(stored.refreshToken, 'refresh_token');
    await revoke(sentTokens.at(-1)!, 'access_token');

    await expect(client.request('GET', 'me')).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(await secrets.get(`revoked-token-test:${subject}`)).toBeNull();
  }, 60_000);
});

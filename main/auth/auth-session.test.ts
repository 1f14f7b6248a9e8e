import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../secrets/memory-secret-store';
import { PortalError } from '../ipc/portal-error';
import { silentLogger, startTestPortal, subjectMemory, testSecrets, type TestPortal } from '../test-support/portal-fixture';
import { AuthSession } from './auth-session';
import { parseStoredSession } from './stored-session';

describe('AuthSession against the reference portal (system browser = Chromium, OS keychain = gnome-keyring)', () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await startTestPortal();
  }, 60_000);
  afterAll(() => portal?.close());

  const newSession = (overrides: Partial<ConstructorParameters<typeof AuthSession>[0]> = {}) =>
    new AuthSession({
      profile: portal.profile,
      secrets: testSecrets(),
      subjects: subjectMemory(),
      openBrowser: portal.openBrowser,
      logger: silentLogger,
      ...overrides,
    });
  const me = async (session: AuthSession) => {
    const response = await session.fetch(new URL('/api/v1/me', portal.server.url), 'GET');
    return { status: response.status, body: (await response.json()) as { user: { username: string } } };
  };

  it('signs in with PKCE, PAR and DPoP in the system browser, keeps the refresh token only in the keychain, and restores without a browser', async () => {
    const secrets = testSecrets();
    const subjects = subjectMemory();
    const session = newSession({ secrets, subjects });
    const user = await session.signIn();
    expect(user).toMatchObject({ subject: 'user-demo-admin', username: 'demo.admin' });

    const authorizationUrl = new URL(portal.openedUrls.at(-1)!);
    expect(authorizationUrl.href.startsWith(`${portal.server.issuer}/`)).toBe(true);
    expect(authorizationUrl.searchParams.get('request_uri')).toMatch(/^urn:ietf:params:oauth:request_uri:/);
    expect(authorizationUrl.searchParams.has('code_challenge')).toBe(false); // pushed, not in the URL

    expect((await me(session)).body.user.username).toBe('demo.admin');
    const stored = parseStoredSession(await secrets.get(`test:${user.subject}`));
    expect(stored?.refreshToken).toBeTruthy();
    expect(stored?.dpopKey?.['d']).toBeTruthy();
    expect(JSON.stringify(session)).not.toContain(stored!.refreshToken);

    const opened = portal.openedUrls.length;
    const restored = newSession({ secrets, subjects });
    await expect(restored.restore()).resolves.toMatchObject({ user: { subject: user.subject }, online: true });
    expect((await me(restored)).status).toBe(200);
    expect(portal.openedUrls).toHaveLength(opened);
    await restored.signOut();
  }, 60_000);

  it('rotates the refresh token on every refresh, and signing out revokes it at the issuer and deletes it', async () => {
    const secrets = testSecrets();
    const subjects = subjectMemory();
    // A refresh before every request (the skew is longer than the token's lifetime).
    const session = newSession({ secrets, subjects, refreshSkewMs: 24 * 3600_000 });
    const { subject } = await session.signIn();
    const account = `test:${subject}`;
    const first = parseStoredSession(await secrets.get(account))!;
    await me(session);
    const second = parseStoredSession(await secrets.get(account))!;
    await me(session);
    const third = parseStoredSession(await secrets.get(account))!;
    expect(new Set([first.refreshToken, second.refreshToken, third.refreshToken]).size).toBe(3);

    const copy = new MemorySecretStore();
    await copy.set(account, (await secrets.get(account))!);
    await session.signOut();
    expect(await secrets.get(account)).toBeNull();
    expect(subjects.get('test')).toBeUndefined();
    // The revoked token (with its DPoP key) no longer restores anything.
    const copySubjects = subjectMemory();
    copySubjects.set('test', subject);
    await expect(newSession({ secrets: copy, subjects: copySubjects }).restore()).resolves.toBeUndefined();
  }, 60_000);

  it('ends the session with SESSION_EXPIRED when a reused refresh token got the grant revoked', async () => {
    const secrets = testSecrets();
    const subjects = subjectMemory();
    const session = newSession({ secrets, subjects, refreshSkewMs: 24 * 3600_000 });
    const { subject } = await session.signIn();
    const stolen = (await secrets.get(`test:${subject}`))!;
    await me(session); // rotates: the stolen copy is now a used token
    const thief = new MemorySecretStore();
    await thief.set(`test:${subject}`, stolen);
    const thiefSubjects = subjectMemory();
    thiefSubjects.set('test', subject);
    await expect(newSession({ secrets: thief, subjects: thiefSubjects }).restore()).resolves.toBeUndefined();
    // Reuse revoked the whole grant: the legitimate session is over too.
    await expect(me(session)).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(await secrets.get(`test:${subject}`)).toBeNull();
  }, 60_000);

  it('fails sign-in with KEYCHAIN_UNAVAILABLE, never a plaintext fallback, when the keychain refuses', async () => {
    const refusing = new MemorySecretStore();
    refusing.set = async () => {
      throw new PortalError('KEYCHAIN_UNAVAILABLE', 'The OS keychain is not available');
    };
    const session = newSession({ secrets: refusing });
    await expect(session.signIn()).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
  }, 60_000);

  it('is cancelled from the app while the browser is open', async () => {
    const controller = new AbortController();
    const session = newSession({ openBrowser: async () => controller.abort() });
    await expect(session.signIn(controller.signal)).rejects.toMatchObject({ code: 'LOGIN_CANCELLED' });
  });
});

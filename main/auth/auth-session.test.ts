import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { submitCode, submitCredentials } from '../../server/oidc/test-support/browser';
import { totpCode } from '../../server/oidc/test-support/fixtures';
import { DEMO_ADMIN } from '../../server/seed/demo-credentials';
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

  it('signs out at the issuer too: the browser session there ends, and the next sign-in asks for the password and code again', async () => {
    // One browser context for every visit, as a real system browser keeps its cookies between them.
    const context = await portal.browser.newContext();
    const visits: string[] = [];
    const done: Array<Promise<void>> = [];
    const openBrowser = async (url: string) => {
      const visit = async () => {
        const page = await context.newPage();
        try {
          await page.goto(url);
          if (new URL(url).pathname.endsWith('/session/end')) {
            visits.push((await page.locator('h1').innerText()).startsWith('Logge ut av kundeportalen') ? 'asked to sign out' : 'another page');
            await page.getByRole('button', { name: /Logg ut/ }).click();
            await page.locator('#signed-out').waitFor();
            visits.push('signed out at the issuer');
            return;
          }
          const askedForCredentials = await page.getByLabel('Brukernavn').isVisible();
          visits.push(askedForCredentials ? 'asked for credentials' : 'signed in without credentials');
          if (!askedForCredentials) return;
          await submitCredentials(page, DEMO_ADMIN.username, DEMO_ADMIN.password);
          await page.locator('#code').waitFor();
          await submitCode(page, totpCode(DEMO_ADMIN.totpSecret, portal.nextStep()));
          await page.getByText('Du er logget inn').waitFor();
        } finally {
          await page.close();
        }
      };
      done.push(visit());
    };
    // What the app pushes to the issuer (PAR): the sign-in must ask for a fresh login at any issuer.
    const pushed: URLSearchParams[] = [];
    const realFetch = globalThis.fetch;
    const spy = vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.endsWith('/oidc/request')) pushed.push(new URLSearchParams(String(init?.body)));
      return realFetch(input, init);
    });
    try {
      const session = newSession({ openBrowser });
      await session.signIn();
      expect(pushed.at(-1)?.get('prompt')).toBe('login');
      const sessionCookie = async () => (await context.cookies()).find((cookie) => cookie.name === '_session');
      expect(await sessionCookie()).toBeDefined();

      await session.signOut();
      await Promise.all(done);
      expect(visits).toEqual(['asked for credentials', 'asked to sign out', 'signed out at the issuer']);
      expect(await sessionCookie()).toBeUndefined();

      await session.signIn();
      await Promise.all(done);
      expect(visits.at(-1)).toBe('asked for credentials');
      await session.signOut();
      await Promise.all(done);
    } finally {
      spy.mockRestore();
      await context.close();
    }
  }, 90_000);

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

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { DEMO_ADMIN } from '../../server/seed/demo-credentials';
import { launchBrowser, submitCode, submitCredentials } from '../../server/oidc/test-support/browser';
import { steppingClock, totpCode } from '../../server/oidc/test-support/fixtures';
import { startPortalServer, type RunningPortalServer } from '../../server/start';
import { CLIENT_ID, type Profile } from '../auth/profile';
import type { Logger } from '../log/logger';
import { KeytarSecretStore } from '../secrets/keytar-secret-store';

/**
 * The real reference portal (demo seed, its own SQLite file) and a real Chromium playing the
 * system browser, for main-process integration tests.
 */
export interface TestPortal {
  dir: string;
  server: RunningPortalServer;
  profile: Profile;
  browser: Browser;
  /** What AuthSession calls to "open the system browser": signs the demo admin in, in Chromium. */
  openBrowser: (url: string) => Promise<void>;
  /** The pages the browser was sent to, in order. */
  openedUrls: string[];
  /** Moves the portal's clock to a fresh TOTP step (each step is accepted once per user) and returns it. */
  nextStep: () => Date;
  stop(): Promise<void>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestPortal(options: { activationDelayMs?: number; groupSyncDelayMs?: number } = {}): Promise<TestPortal> {
  const dir = mkdtempSync(join(tmpdir(), 'main-portal-'));
  const clock = steppingClock();
  const dbPath = join(dir, 'portal.db');
  const start = (port: number) =>
    startPortalServer({ port, dbPath, seed: 'demo', devTokens: true, now: clock.now, loginFailureDelayMs: () => 0, ...options });
  let server = await start(0);
  const port = Number(new URL(server.url).port);
  const browser = await launchBrowser();
  const openedUrls: string[] = [];
  const fixture: TestPortal = {
    dir,
    server,
    profile: { id: 'test', name: 'Test', portalUrl: server.url, issuer: server.issuer, clientId: CLIENT_ID },
    browser,
    openedUrls,
    nextStep: clock.nextStep,
    async openBrowser(url) {
      openedUrls.push(url);
      // "Logg ut" opens the issuer's sign-out page; this browser keeps no session, so it is left unanswered.
      if (new URL(url).pathname.endsWith('/session/end')) return;
      // Like a real system browser: the app does not wait for the user to finish here.
      void (async () => {
        const context = await browser.newContext();
        const page = await context.newPage();
        try {
          await page.goto(url);
          await submitCredentials(page, DEMO_ADMIN.username, DEMO_ADMIN.password);
          await page.locator('#code').waitFor();
          await submitCode(page, totpCode(DEMO_ADMIN.totpSecret, clock.nextStep()));
          await page.getByText('Du er logget inn').waitFor();
        } finally {
          await context.close();
        }
      })().catch(() => {});
    },
    async stop() {
      await server.close();
    },
    async restart() {
      server = await start(port);
      fixture.server = server;
    },
    async close() {
      await browser.close();
      await server.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return fixture;
}

export const testSecrets = (): KeytarSecretStore => new KeytarSecretStore({ service: 'Fjernhjelp Admin (test)' });

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** SubjectMemory in a plain object, as the settings file would hold it. */
export function subjectMemory(): { get(id: string): string | undefined; set(id: string, subject: string | undefined): void } {
  const subjects = new Map<string, string>();
  return {
    get: (id) => subjects.get(id),
    set: (id, subject) => (subject === undefined ? subjects.delete(id) : subjects.set(id, subject)),
  };
}

import type { Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import * as OTPAuth from 'otpauth';
import type { DesktopNotification } from '../../main/notify/notifier';
import { DEMO_ADMIN } from '../../server/seed/demo-credentials';

export interface HarnessProcess {
  /**
   * The URL to open: the harness's origin with its bridge key in the fragment (`<url>/#/settings` opens a
   * screen). Changes on `crashAndRestart` (a new process listens on a new port, with a new key).
   */
  readonly url: string;
  dataDir: string;
  /** Resolves with the next URL the app hands to "the system browser". */
  nextOpenExternal(): Promise<string>;
  /** Every desktop notification main has shown so far (the harness records them), across restarts, oldest first. */
  notifications(): readonly DesktopNotification[];
  /** SIGKILL, then the app starts again on the same data folder and keychain, as after a crash. */
  crashAndRestart(): Promise<void>;
  stop(): Promise<void>;
}

const projectDir = resolve(import.meta.dirname, '../..');

export interface HarnessStartOptions {
  /** A data folder prepared by the test (e.g. with a settings.json naming a real portal profile). */
  dataDir?: string;
  /** A real portal (named in the prepared data folder) instead of the embedded demo one: starts with `--no-demo`. */
  portalUrl?: string;
}

/** Starts the real web harness (`harness/cli.ts`), by default with the embedded demo portal, and waits for its ready line. */
export async function startHarnessProcess(extraArgs: string[] = [], options: HarnessStartOptions = {}): Promise<HarnessProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'fjernhjelp-harness-'));
  const keychainService = `Fjernhjelp Admin (e2e ${process.pid}-${Date.now()})`;
  const demoArgs = options.portalUrl ? ['--no-demo'] : [];
  const opened: string[] = [];
  const notifications: DesktopNotification[] = [];
  const waiting: Array<(url: string) => void> = [];
  const launch = async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'harness/cli.ts', '--port', '0', '--data-dir', dataDir, '--keychain-service', keychainService, ...demoArgs, ...extraArgs],
      { cwd: projectDir, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const lines = createInterface({ input: child.stdout! });
    let ready: ((url: string) => void) | undefined;
    const url = new Promise<string>((resolvePromise, reject) => {
      ready = resolvePromise;
      child.once('exit', (code) => reject(new Error(`harness exited with code ${code} before it was ready`)));
    });
    lines.on('line', (line) => {
      const message = JSON.parse(line) as { url?: string; openExternal?: string; notification?: DesktopNotification };
      if (message.url) ready?.(message.url);
      if (message.notification) notifications.push(message.notification);
      if (message.openExternal) {
        const next = waiting.shift();
        if (next) next(message.openExternal);
        else opened.push(message.openExternal);
      }
    });
    return { child, url: await url };
  };
  let running = await launch();
  const kill = async (signal: NodeJS.Signals) => {
    if (running.child.exitCode !== null || running.child.signalCode !== null) return;
    running.child.kill(signal);
    await new Promise((done) => running.child.once('exit', done));
  };
  return {
    get url() {
      return running.url;
    },
    dataDir,
    nextOpenExternal: () => {
      const queued = opened.shift();
      return queued ? Promise.resolve(queued) : new Promise((resolvePromise) => waiting.push(resolvePromise));
    },
    notifications: () => [...notifications],
    async crashAndRestart() {
      await kill('SIGKILL');
      running = await launch();
    },
    async stop() {
      await kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The demo administrator's current code, as their authenticator app would show it. */
export function demoAdminCode(): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(DEMO_ADMIN.totpSecret), algorithm: 'SHA1', digits: 6, period: 30 }).generate();
}

/** The portal's sign-in page at `loginUrl`, completed as the demo administrator (username, password, code). */
export async function signInOnPortalPage(browserPage: Page, loginUrl: string): Promise<void> {
  await browserPage.goto(loginUrl);
  await browserPage.getByLabel('Brukernavn').fill(DEMO_ADMIN.username);
  await browserPage.getByLabel('Passord, eller engangspassordet fra SMS').fill(DEMO_ADMIN.password);
  await browserPage.getByRole('button', { name: /Neste/ }).click();
  await browserPage.locator('#code').fill(demoAdminCode());
  await browserPage.getByRole('button', { name: /Logg inn/ }).click();
  await browserPage.getByText('Du er logget inn').waitFor();
}

/**
 * Signs in as a newcomer would: "Logg inn" in the app, then the login page the system browser shows
 * (a second page here), using the username, password and code from its DEMO box.
 */
export async function signInThroughBrowser(page: Page, harness: HarnessProcess): Promise<void> {
  const opened = harness.nextOpenExternal();
  await page.getByRole('button', { name: /^(Logg inn|Sign in)$/ }).click();
  const browserPage = await page.context().newPage();
  try {
    await signInOnPortalPage(browserPage, await opened);
  } finally {
    await browserPage.close();
  }
  // A refusal (no OS keychain, say) shows on the login screen: say it, instead of timing out waiting for the user.
  const signedIn = page.getByTestId('signed-in-user');
  const refused = page.locator('.login-screen [role="alert"]');
  await signedIn.or(refused).first().waitFor();
  if (!(await signedIn.isVisible())) {
    throw new Error(`the app refused the sign-in (${await refused.first().getAttribute('data-error-code')}): ${await refused.first().innerText()}`);
  }
}

/**
 * Opens the app, signs in, and activates remote support on Tjenester → Fjernhjelp 2.0 as the guide's
 * chapter 1 describes, waiting until the portal reports it active (the sync engine fetches it when due).
 */
export async function signInAndActivate(page: Page, harness: HarnessProcess): Promise<void> {
  await page.goto(harness.url);
  await page.waitForSelector('html[data-app-ready="true"]');
  await signInThroughBrowser(page, harness);
  await page.getByLabel('Jeg aksepterer bruksvilkårene for fjernhjelp-tjenesten').check();
  await page.getByRole('button', { name: 'Aktiver fjernhjelp' }).click();
  await page.locator('[data-testid="service-status"]:not([data-status="inactive"])').waitFor();
  await page.getByRole('button', { name: 'Synkroniser nå' }).click();
  await page.locator('[data-testid="service-status"][data-status="active"]').waitFor({ timeout: 20_000 });
}

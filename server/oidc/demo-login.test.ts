import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN } from '../seed/demo-credentials';
import { startPortalServer } from '../start';
import { launchBrowser, submitCode, submitCredentials, withPage } from './test-support/browser';
import { beginLogin, callApi, discover } from './test-support/native-app';

describe('the DEMO box on the sign-in page', () => {
  let dir: string;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'oidc-demo-'));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets a newcomer sign in with nothing but what the demo box shows', async () => {
    const server = await startPortalServer({ port: 0, dbPath: join(dir, 'demo.db'), seed: 'demo', showDemoCredentials: true });
    const login = await beginLogin(await discover(server.issuer));
    try {
      const code = await withPage(browser, async (page) => {
        await page.goto(login.authorizationUrl);
        const box = page.locator('#demo-credentials');
        expect(await box.locator('h2').textContent()).toBe('DEMO');
        const username = (await page.locator('#demo-username').textContent())!;
        const password = (await page.locator('#demo-password').textContent())!;
        expect(username).toBe(DEMO_ADMIN.username);
        await submitCredentials(page, username, password);
        await page.locator('#code').waitFor();
        // The second step shows the code that is current now.
        await submitCode(page, (await page.locator('#demo-code').textContent())!);
        return (await login.callback).get('code')!;
      });
      const tokens = await login.finish(code);
      expect((await callApi(server.url, '/api/v1/me', tokens.access_token)).status).toBe(200);
    } finally {
      await login.close();
      await server.close();
    }
  });

  it('is never shown without the demo seed, or without the option', async () => {
    for (const options of [
      { dbPath: join(dir, 'empty.db'), seed: 'empty' as const, showDemoCredentials: true },
      { dbPath: join(dir, 'demo-off.db'), seed: 'demo' as const },
    ]) {
      const server = await startPortalServer({ port: 0, ...options });
      const login = await beginLogin(await discover(server.issuer));
      try {
        await withPage(browser, async (page) => {
          await page.goto(login.authorizationUrl);
          await page.getByLabel('Brukernavn').waitFor();
          expect(await page.locator('#demo-credentials').count()).toBe(0);
          expect(await page.content()).not.toContain(DEMO_ADMIN.password);
        });
      } finally {
        await login.close();
        await server.close();
      }
    }
  });
});

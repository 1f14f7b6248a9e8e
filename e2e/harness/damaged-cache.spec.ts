import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, signInAndActivate, startHarnessProcess, test } from './harness-fixture';
import { dataDirWithProfile, startPortalProcess } from './portal-process';

test('a damaged cache file: the app starts, says where the old file went, and fills a new cache from the portal', async ({ page }) => {
  const portal = await startPortalProcess(['--activation-delay-ms', '0', '--group-sync-delay-ms', '0']);
  const dataDir = dataDirWithProfile(portal);
  mkdirSync(join(dataDir, 'cache'), { recursive: true });
  writeFileSync(join(dataDir, 'cache', 'test-portal.sqlite'), randomBytes(32 * 1024));
  const harness = await startHarnessProcess([], { dataDir, portalUrl: portal.url });
  try {
    await page.goto(harness.url);
    await page.waitForSelector('html[data-app-ready="true"]');
    const notice = page.getByTestId('cache-recovery');
    await expect(notice).toContainText('Den lokale kopien var skadet.');
    const movedTo = (await notice.textContent())!.match(/flyttet til (\S+\.sqlite),/)?.[1];
    expect(movedTo && existsSync(movedTo)).toBe(true);
    await page.screenshot({ path: test.info().outputPath('damaged-cache.png'), fullPage: true });

    await signInAndActivate(page, harness);
    await page.getByRole('link', { name: 'Dine maskingrupper' }).click();
    await expect(page.getByText('Maskiner', { exact: true }).first()).toBeVisible();

    await notice.getByRole('button', { name: 'Lukk' }).click();
    await expect(notice).toHaveCount(0);
  } finally {
    await harness.stop();
    await portal.kill();
  }
});

import { expect, test } from './harness-fixture';

test('the launch URL hands the page its bridge key, which leaves the address at once; without it the bridge stays shut', async ({ page, browser, harness }) => {
  const origin = new URL(harness.url).origin;
  await page.goto(`${harness.url}/#/settings`);
  await page.waitForSelector('html[data-app-ready="true"]');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Innstillinger og om appen');
  expect(page.url()).toBe(`${origin}/#/settings`);
  expect(await page.evaluate(() => window.portal.app.info())).toMatchObject({ ok: true });

  // Opening the launch URL again in the same tab is a fragment change only: the route still wins.
  await page.goto(`${harness.url}/#/users`);
  expect(page.url()).toBe(`${origin}/#/users`);
  await page.reload();
  await page.waitForSelector('html[data-app-ready="true"]');
  expect(await page.evaluate(() => window.portal.app.info())).toMatchObject({ ok: true });

  // A browser that has only the origin (no key): the page loads, the bridge refuses it.
  const stranger = await browser.newContext();
  try {
    const other = await stranger.newPage();
    const errors: string[] = [];
    other.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await other.goto(`${origin}/#/settings`);
    expect(await other.evaluate(() => window.portal.app.info())).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'The harness bridge is not connected' },
    });
    expect(errors.join('\n')).toContain('No harness bridge key');
  } finally {
    await stranger.close();
  }
});

test('a request leaves the page as it is made once the bridge is open, not after the task that made it (as over IPC)', async ({ page, harness }) => {
  await page.goto(`${harness.url}/#/settings`);
  await page.waitForSelector('html[data-app-ready="true"]');
  const sentSynchronously = await page.evaluate(() => {
    const send = WebSocket.prototype.send;
    let sent = 0;
    WebSocket.prototype.send = function (this: WebSocket, ...args: Parameters<WebSocket['send']>) {
      sent += 1;
      send.apply(this, args);
    };
    try {
      void window.portal.app.info();
      return sent;
    } finally {
      WebSocket.prototype.send = send;
    }
  });
  expect(sentSynchronously).toBe(1);
});

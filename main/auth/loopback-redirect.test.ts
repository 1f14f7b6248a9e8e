import { describe, expect, it } from 'vitest';
import { startLoopbackRedirect } from './loopback-redirect';

describe('startLoopbackRedirect', () => {
  it('listens on 127.0.0.1 and settles only for /callback with the expected state', async () => {
    const loopback = await startLoopbackRedirect({ state: 'good-state', timeoutMs: 10_000 });
    expect(loopback.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);

    const wrongState = await fetch(`${loopback.redirectUri}?code=c1&state=bad`);
    expect(wrongState.status).toBe(404);
    const wrongPath = await fetch(loopback.redirectUri.replace('/callback', '/other?state=good-state'));
    expect(wrongPath.status).toBe(404);

    const done = await fetch(`${loopback.redirectUri}?code=c2&state=good-state`);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Du er logget inn');
    const url = await loopback.callback;
    expect(url.searchParams.get('code')).toBe('c2');
    // One-shot: the listener is gone after the callback.
    await expect(fetch(`${loopback.redirectUri}?code=c3&state=good-state`)).rejects.toThrow();
  });

  it('times out with LOGIN_TIMEOUT', async () => {
    const loopback = await startLoopbackRedirect({ state: 's', timeoutMs: 50 });
    await expect(loopback.callback).rejects.toMatchObject({ code: 'LOGIN_TIMEOUT' });
  });

  it('is cancelled by its abort signal with LOGIN_CANCELLED', async () => {
    const controller = new AbortController();
    const loopback = await startLoopbackRedirect({ state: 's', timeoutMs: 10_000, signal: controller.signal });
    controller.abort();
    await expect(loopback.callback).rejects.toMatchObject({ code: 'LOGIN_CANCELLED' });
  });
});

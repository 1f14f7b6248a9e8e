import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLaunchHash } from './bridge-protocol';
import { call, startTestHarness, type TestHarness } from './test-harness';

let t: TestHarness;

beforeAll(async () => {
  t = await startTestHarness();
});

afterAll(() => t.harness.close());

describe('who may use the harness bridge', () => {
  it('refuses a process that sends the page’s Origin but not the key', async () => {
    await expect(t.connect({ key: null })).rejects.toThrow('HTTP 403');
    expect(t.log()).toMatch(/"event":"harness\.upgrade-refused".*"reason":"key"/);
  });

  it('refuses a wrong key, of the right length or not', async () => {
    const wrong = `${t.key[0] === 'A' ? 'B' : 'A'}${t.key.slice(1)}`;
    await expect(t.connect({ key: wrong })).rejects.toThrow('HTTP 403');
    await expect(t.connect({ key: 'short' })).rejects.toThrow('HTTP 403');
    await expect(t.connect({ key: `${t.key}x` })).rejects.toThrow('HTTP 403');
  });

  it('refuses another origin even with the key', async () => {
    await expect(t.connect({ origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(t.connect({ origin: `http://localhost:${t.port}` })).rejects.toThrow('HTTP 403');
  });

  it('refuses a Host that is not the harness’s loopback name (DNS rebinding), for the bridge and for the page', async () => {
    const rebound = `rebind.example:${t.port}`;
    await expect(t.connect({ host: rebound, origin: `http://${rebound}` })).rejects.toThrow('HTTP 403');
    await expect(t.connect({ host: `127.0.0.1:${t.port + 1}` })).rejects.toThrow('HTTP 403');
    expect(await t.get('/', { host: rebound })).toMatchObject({ status: 403 });
    expect(await t.get('/__harness/bridge.js', { host: rebound })).toMatchObject({ status: 403 });
    expect(t.log()).toMatch(/"event":"harness\.request-refused".*"reason":"host"/);
  });

  it('serves the page and lets it use the bridge under 127.0.0.1 and under localhost', async () => {
    for (const host of [`127.0.0.1:${t.port}`, `localhost:${t.port}`]) {
      expect(await t.get('/', { host })).toMatchObject({ status: 200 });
      const socket = await t.connect({ host, origin: `http://${host}` });
      try {
        expect(await call(socket, 1, 'app.ping', { nonce: 'n' })).toMatchObject({ id: 1, result: { ok: true, value: { nonce: 'n' } } });
      } finally {
        socket.close();
      }
    }
  });

  it('hands the key out only in the fragment of the launch URL: not in the page, the bridge script or the log', async () => {
    const launch = new URL(t.harness.launchUrl);
    expect(`${launch.origin}${launch.pathname}${launch.search}`).toBe(`${t.harness.url}/`);
    expect(parseLaunchHash(launch.hash)?.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const page = await t.get('/');
    const script = await t.get('/__harness/bridge.js');
    expect(page.body).not.toContain(t.key);
    expect(script.body).not.toContain(t.key);
    expect(t.log()).not.toContain(t.key);
  });
});

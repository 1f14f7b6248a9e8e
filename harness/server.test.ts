import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxFrameBytes } from './largest-frame';
import { call, nextMessage, startTestHarness, type TestHarness } from './test-harness';

let t: TestHarness;

beforeAll(async () => {
  t = await startTestHarness();
});

afterAll(() => t.harness.close());

describe('web harness', () => {
  it('injects the bridge script before anything else in the page, with the largest frame the harness accepts', async () => {
    const html = await (await fetch(t.harness.url)).text();
    expect(html).toMatch(/^<!doctype html><html><head><script src="\/__harness\/bridge\.js" data-max-frame-bytes="(\d+)"><\/script><title>/);
    expect(html).toContain(`data-max-frame-bytes="${maxFrameBytes()}"`);
  });

  it('refuses a WebSocket from another origin', async () => {
    await expect(t.connect({ origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(t.connect({ origin: '' })).rejects.toThrow('HTTP 403');
    expect(t.log()).toMatch(/"event":"harness\.upgrade-refused".*"reason":"origin"/);
  });

  it('runs the real handlers for its own page and pushes their events', async () => {
    const socket = await t.connect();
    try {
      const event = nextMessage(socket, 'event');
      expect(await call(socket, 7, 'app.ping', { nonce: 'n1' })).toMatchObject({ kind: 'result', id: 7, result: { ok: true, value: { nonce: 'n1' } } });
      expect(await event).toMatchObject({ kind: 'event', event: 'app.pong', payload: { nonce: 'n1' } });
      expect(await call(socket, 8, 'app.info')).toMatchObject({ id: 8, result: { ok: true, value: { version: '9.9.9', dataDir: t.dir } } });
    } finally {
      socket.close();
    }
  });

  it('returns the dispatcher’s typed errors for unknown channels and bad input', async () => {
    const socket = await t.connect();
    try {
      expect(await call(socket, 1, 'fs.readFile', '/etc/passwd')).toMatchObject({ result: { ok: false, error: { code: 'UNKNOWN_CHANNEL' } } });
      expect(await call(socket, 2, 'app.ping', {})).toMatchObject({ result: { ok: false, error: { code: 'INVALID_INPUT' } } });
    } finally {
      socket.close();
    }
  });
});

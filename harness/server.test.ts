import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MemorySecretStore } from '../main/secrets/memory-secret-store';
import type { BridgeMessage } from './bridge-protocol';
import { startHarness, type RunningHarness } from './server';

let harness: RunningHarness;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'harness-test-'));
  mkdirSync(join(dir, 'renderer'));
  mkdirSync(join(dir, 'bridge'));
  writeFileSync(join(dir, 'renderer/index.html'), '<!doctype html><html><head><title>t</title></head></html>');
  writeFileSync(join(dir, 'bridge/bridge.js'), '/* bridge */');
  harness = await startHarness({
    port: 0,
    rendererDir: join(dir, 'renderer'),
    bridgeDir: join(dir, 'bridge'),
    // No demo portal and no profile: these tests are about the bridge, not the portal.
    config: { version: '9.9.9', dataDir: dir, logDir: join(dir, 'logs'), demoAtStart: false, platform: 'linux' },
    secrets: new MemorySecretStore(),
    adapters: { openExternal: async () => {}, chooseSavePath: async () => undefined },
  });
});

afterAll(() => harness.close());

function connect(origin: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${harness.url.replace('http', 'ws')}/__harness/bridge`, { origin });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function nextMessage(socket: WebSocket, kind: BridgeMessage['kind']): Promise<BridgeMessage> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const message = JSON.parse(String(data)) as BridgeMessage;
      if (message.kind === kind) {
        socket.off('message', onMessage);
        resolve(message);
      }
    };
    socket.on('message', onMessage);
  });
}

describe('web harness', () => {
  it('injects the bridge script before anything else in the page', async () => {
    const html = await (await fetch(harness.url)).text();
    expect(html).toMatch(/^<!doctype html><html><head><script src="\/__harness\/bridge\.js"><\/script><title>/);
  });

  it('refuses a WebSocket from another origin', async () => {
    await expect(connect('http://evil.example')).rejects.toThrow('HTTP 403');
    expect(readFileSync(join(dir, 'logs/harness.log'), 'utf8')).toContain('harness.upgrade-refused');
  });

  it('runs the real handlers for its own page and pushes their events', async () => {
    const socket = await connect(harness.url);
    try {
      const event = nextMessage(socket, 'event');
      const result = nextMessage(socket, 'result');
      socket.send(JSON.stringify({ id: 7, channel: 'app.ping', input: { nonce: 'n1' } }));
      expect(await result).toMatchObject({ kind: 'result', id: 7, result: { ok: true, value: { nonce: 'n1' } } });
      expect(await event).toMatchObject({ kind: 'event', event: 'app.pong', payload: { nonce: 'n1' } });

      const info = nextMessage(socket, 'result');
      socket.send(JSON.stringify({ id: 8, channel: 'app.info' }));
      expect(await info).toMatchObject({ id: 8, result: { ok: true, value: { version: '9.9.9', dataDir: dir } } });
    } finally {
      socket.close();
    }
  });

  it('returns the dispatcher’s typed errors for unknown channels and bad input', async () => {
    const socket = await connect(harness.url);
    try {
      const first = nextMessage(socket, 'result');
      socket.send(JSON.stringify({ id: 1, channel: 'fs.readFile', input: '/etc/passwd' }));
      expect(await first).toMatchObject({ result: { ok: false, error: { code: 'UNKNOWN_CHANNEL' } } });
      const second = nextMessage(socket, 'result');
      socket.send(JSON.stringify({ id: 2, channel: 'app.ping', input: {} }));
      expect(await second).toMatchObject({ result: { ok: false, error: { code: 'INVALID_INPUT' } } });
    } finally {
      socket.close();
    }
  });
});

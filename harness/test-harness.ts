import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { MemorySecretStore } from '../main/secrets/memory-secret-store';
import { bridgeProtocols, parseLaunchHash, type BridgeMessage } from './bridge-protocol';
import { startHarness, type RunningHarness } from './server';

/** Test-only: a real harness on a free port, with a stand-in renderer build, and ways to talk to it. */
export interface TestHarness {
  harness: RunningHarness;
  dir: string;
  /** The bridge key, read from the launch URL as the page reads it. */
  key: string;
  port: number;
  log(): string;
  /** Opens the bridge the way the page does (its Origin and key) unless told otherwise. */
  connect(options?: ConnectOptions): Promise<WebSocket>;
  /** A raw HTTP GET, so that the Host header can be anything. */
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; body: string }>;
}

export interface ConnectOptions {
  origin?: string;
  /** The key to offer; null offers none. */
  key?: string | null;
  host?: string;
}

export async function startTestHarness(): Promise<TestHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'harness-test-'));
  mkdirSync(join(dir, 'renderer'));
  mkdirSync(join(dir, 'bridge'));
  writeFileSync(join(dir, 'renderer/index.html'), '<!doctype html><html><head><title>t</title></head></html>');
  writeFileSync(join(dir, 'bridge/bridge.js'), '/* bridge */');
  const harness = await startHarness({
    port: 0,
    rendererDir: join(dir, 'renderer'),
    bridgeDir: join(dir, 'bridge'),
    // No demo portal and no profile: these tests are about the bridge, not the portal.
    config: { version: '9.9.9', dataDir: dir, logDir: join(dir, 'logs'), demoAtStart: false, platform: 'linux' },
    secrets: new MemorySecretStore(),
    adapters: { openExternal: async () => {}, chooseSavePath: async () => undefined },
  });
  const key = parseLaunchHash(new URL(harness.launchUrl).hash)?.key;
  if (!key) throw new Error(`no bridge key in the launch URL ${harness.launchUrl}`);
  const port = Number(new URL(harness.url).port);
  return {
    harness,
    dir,
    key,
    port,
    log: () => readFileSync(join(dir, 'logs/harness.log'), 'utf8'),
    connect: ({ origin = harness.url, key: offered = key, host } = {}) =>
      new Promise((resolve, reject) => {
        const socket = new WebSocket(`ws://127.0.0.1:${port}/__harness/bridge`, offered === null ? [] : bridgeProtocols(offered), {
          origin,
          ...(host ? { headers: { host } } : {}),
        });
        socket.once('open', () => resolve(socket));
        socket.once('error', reject);
        socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      }),
    get: (path, headers = {}) =>
      new Promise((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.once('error', reject);
        req.end();
      }),
  };
}

/** The next message of one kind on a socket. */
export function nextMessage(socket: WebSocket, kind: BridgeMessage['kind']): Promise<BridgeMessage> {
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

/** Sends one request and waits for its answer. */
export async function call(socket: WebSocket, id: number, channel: string, input?: unknown): Promise<BridgeMessage> {
  const answer = nextMessage(socket, 'result');
  socket.send(JSON.stringify({ id, channel, input }));
  return answer;
}

/** Resolves with the close code the harness chose. */
export function closed(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => socket.once('close', (code) => resolve(code)));
}

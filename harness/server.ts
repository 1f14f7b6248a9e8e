import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventName, EventPayload } from '../common/contract';
import type { AppConfig } from '../main/app-config';
import { AppCore, type PlatformAdapters } from '../main/app-core';
import type { DemoPortalOptions } from '../main/demo/demo-portal';
import type { EventSink } from '../main/events';
import { createHandlers } from '../main/handlers';
import { createDispatcher } from '../main/ipc/dispatcher';
import { sameOriginPolicy } from '../main/ipc/sender-policy';
import { createFileLogger } from '../main/log/logger';
import { SECURITY_HEADERS } from '../main/protocol/content-security-policy';
import { createStaticResponder } from '../main/protocol/static-responder';
import type { SecretStore } from '../main/secrets/secret-store';
import { BRIDGE_PATH, BRIDGE_SCRIPT_PATH, type BridgeMessage, type BridgeRequest } from './bridge-protocol';

export interface HarnessOptions {
  port: number;
  /** Built renderer (out/renderer) and harness bridge (out/harness). */
  rendererDir: string;
  bridgeDir: string;
  config: AppConfig;
  secrets: SecretStore;
  /** The harness's stand-ins for the system browser and the save dialog. */
  adapters: PlatformAdapters;
  demoPortal?: DemoPortalOptions;
}

export interface RunningHarness {
  url: string;
  close(): Promise<void>;
}

/**
 * The web harness: the app's real handlers behind an HTTP + WebSocket bridge on 127.0.0.1, serving the
 * real renderer build. Transport only: what a request does is decided by main/, exactly as in Electron.
 */
export async function startHarness({ port, rendererDir, bridgeDir, config, secrets, adapters, demoPortal }: HarnessOptions): Promise<RunningHarness> {
  const logger = createFileLogger(join(config.logDir, 'harness.log'));
  const sockets = new Set<WebSocket>();
  const events: EventSink = {
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      const message: BridgeMessage = { kind: 'event', event, payload };
      for (const socket of sockets) socket.send(JSON.stringify(message));
    },
  };
  const serveRenderer = createStaticResponder(rendererDir);
  const bridgeScript = readFileSync(join(bridgeDir, 'bridge.js'));

  const server = createServer((req, res) => {
    void respond(req, res).catch((error: unknown) => {
      logger.error('harness.respond-failed', { error });
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('harness did not bind a TCP port');
  const url = `http://127.0.0.1:${address.port}`;

  const core = await AppCore.start({ config, secrets, adapters, events, logger, ...(demoPortal ? { demoPortal } : {}) });
  const dispatch = createDispatcher(createHandlers({ core, events, now: () => new Date() }), sameOriginPolicy(url), logger);
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    // The Origin header plays the part of Electron's sender frame: only the harness's own page may connect.
    if (new URL(req.url ?? '/', url).pathname !== BRIDGE_PATH || req.headers.origin !== url) {
      logger.warn('harness.upgrade-refused', { origin: req.headers.origin ?? '(none)' });
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws, req.headers.origin));
  });

  function attach(ws: WebSocket, origin: string | undefined): void {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('message', (data) => {
      let request: BridgeRequest;
      try {
        request = JSON.parse(String(data)) as BridgeRequest;
      } catch {
        ws.close(1003, 'malformed message');
        return;
      }
      void dispatch(String(request.channel), origin, request.input).then((result) => {
        const message: BridgeMessage = { kind: 'result', id: request.id, result };
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
      });
    });
  }

  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestUrl = new URL(req.url ?? '/', url);
    if (requestUrl.pathname === BRIDGE_SCRIPT_PATH) {
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/javascript; charset=utf-8' });
      res.end(bridgeScript);
      return;
    }
    const response = await serveRenderer(new Request(requestUrl, { method: req.method ?? 'GET' }));
    let body = Buffer.from(await response.arrayBuffer());
    if (response.ok && response.headers.get('Content-Type')?.startsWith('text/html')) {
      // The bridge must define window.portal before the renderer's module script runs.
      body = Buffer.from(
        body.toString('utf8').replace('<head>', `<head><script src="${BRIDGE_SCRIPT_PATH}"></script>`),
      );
    }
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(body);
  }

  logger.info('harness.start', { url });
  return {
    url,
    async close() {
      for (const socket of sockets) socket.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await core.close();
    },
  };
}

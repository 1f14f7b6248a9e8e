import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { EventName, EventPayload } from '../common/contract';
import { fail, type Result } from '../common/result';
import type { AppConfig } from '../main/app-config';
import { AppCore, type PlatformAdapters } from '../main/app-core';
import type { DemoPortalOptions } from '../main/demo/demo-portal';
import type { EventSink } from '../main/events';
import { createHandlers } from '../main/handlers';
import { createDispatcher } from '../main/ipc/dispatcher';
import { sameOriginPolicy, type SenderPolicy } from '../main/ipc/sender-policy';
import { createFileLogger } from '../main/log/logger';
import { SECURITY_HEADERS } from '../main/protocol/content-security-policy';
import { createStaticResponder } from '../main/protocol/static-responder';
import type { SecretStore } from '../main/secrets/secret-store';
import { createBridgeAccess, type Refusal } from './bridge-access';
import { maxFrameBytes } from './largest-frame';
import {
  BRIDGE_PATH,
  BRIDGE_PROTOCOL,
  BRIDGE_SCRIPT_PATH,
  launchUrl,
  MAX_FRAME_ATTRIBUTE,
  type BridgeMessage,
} from './bridge-protocol';
import { decodeBridgeFrame, type BridgeRequest, type DecodedFrame } from './bridge-frame-decoder';

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
  /** The page's origin: http://127.0.0.1:<port>. */
  url: string;
  /** The URL to open: the origin with this start's bridge key in the fragment. Only for whoever started the harness. */
  launchUrl: string;
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
      for (const socket of sockets) send(socket, { kind: 'event', event, payload });
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
  const access = createBridgeAccess(address.port);

  const core = await AppCore.start({ config, secrets, adapters, events, logger, ...(demoPortal ? { demoPortal } : {}) });
  // The Origin header plays the part of Electron's sender frame, once the upgrade has checked it and the key.
  const ownPage: SenderPolicy[] = access.origins.map(sameOriginPolicy);
  const isOwnPage: SenderPolicy = (sender) => ownPage.some((policy) => policy(sender));
  const dispatch = createDispatcher(createHandlers({ core, events, now: () => new Date() }), isOwnPage, logger);
  // A larger frame than any legal request is refused at its header (close 1009), before it is read.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: maxFrameBytes(),
    // The answer names the bridge, never the key the page offered beside it.
    handleProtocols: (offered) => (offered.has(BRIDGE_PROTOCOL) ? BRIDGE_PROTOCOL : false),
  });
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', (error) => logger.warn('harness.upgrade-socket-error', { error: error.message }));
    const refusal = new URL(req.url ?? '/', url).pathname === BRIDGE_PATH ? access.refuseBridge(req) : 'path';
    if (refusal !== null) {
      refuse(socket, req, refusal);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws, req.headers.origin));
  });

  function refuse(socket: Duplex, req: IncomingMessage, reason: Refusal | 'path'): void {
    logger.warn('harness.upgrade-refused', { reason, host: req.headers.host ?? '(none)', origin: req.headers.origin ?? '(none)' });
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  }

  function attach(ws: WebSocket, origin: string | undefined): void {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    // ws closes the socket itself (1007 bad UTF-8, 1009 too large, 1002 protocol); the harness only notes it.
    ws.on('error', (error: Error & { code?: string }) => logger.warn('harness.socket-error', { code: error.code, error: error.message }));
    ws.on('message', (data, isBinary) => {
      const decoded = isBinary ? binaryRefused : decodeBridgeFrame(frameText(data));
      if (!decoded.ok) {
        logger.warn('harness.frame-refused', { id: decoded.id, fields: decoded.result.ok ? [] : decoded.result.error.fields });
        send(ws, { kind: 'result', id: decoded.id, result: decoded.result });
        return;
      }
      void answer(ws, decoded.request, origin);
    });
  }

  async function answer(ws: WebSocket, request: BridgeRequest, origin: string | undefined): Promise<void> {
    let result: Result<unknown>;
    try {
      result = await dispatch(request.channel, origin, request.input);
    } catch (error) {
      // The dispatcher answers every handler error itself; this is the bridge's own last line.
      logger.error('harness.dispatch-failed', { channel: request.channel, error });
      result = fail('INTERNAL', 'An unexpected error occurred');
    }
    send(ws, { kind: 'result', id: request.id, result });
  }

  function send(ws: WebSocket, message: BridgeMessage): void {
    if (ws.readyState !== ws.OPEN) return;
    let frame: string;
    try {
      frame = JSON.stringify(message);
    } catch (error) {
      logger.error('harness.encode-failed', { kind: message.kind, error });
      if (message.kind !== 'result') return;
      frame = JSON.stringify({ kind: 'result', id: message.id, result: fail('INTERNAL', 'An unexpected error occurred') } satisfies BridgeMessage);
    }
    ws.send(frame, (error) => {
      if (error) logger.warn('harness.send-failed', { error: error.message });
    });
  }

  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refusal = access.refusePage(req);
    if (refusal !== null) {
      logger.warn('harness.request-refused', { reason: refusal, host: req.headers.host ?? '(none)' });
      res.writeHead(403, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Forbidden: open the harness as http://127.0.0.1:<port> or http://localhost:<port>');
      return;
    }
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
        body.toString('utf8').replace('<head>', `<head><script src="${BRIDGE_SCRIPT_PATH}" ${MAX_FRAME_ATTRIBUTE}="${maxFrameBytes()}"></script>`),
      );
    }
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(body);
  }

  logger.info('harness.start', { url });
  return {
    url,
    launchUrl: launchUrl(url, access.key),
    async close() {
      for (const socket of sockets) socket.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await core.close();
    },
  };
}

const binaryRefused: DecodedFrame = {
  ok: false,
  id: null,
  result: fail('INVALID_INPUT', 'The bridge takes text frames only', [{ path: '', code: 'TYPE', message: 'a binary frame' }]),
};

function frameText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return (Buffer.isBuffer(data) ? data : Buffer.from(data)).toString('utf8');
}

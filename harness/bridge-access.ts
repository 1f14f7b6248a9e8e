import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { offeredKey } from './bridge-protocol';

/** Why the harness refused a request (logged; never the key itself). */
export type Refusal = 'host' | 'origin' | 'key';

/**
 * Who may use the harness. The Origin header alone proves nothing to a process that is not a browser,
 * so the bridge also asks for the per-start key, which only the launch URL carries out of the process
 * (see bridge-protocol.ts). And every request must name the harness by its loopback address: another
 * name that resolves to 127.0.0.1 is a DNS rebinding page, refused before it can read anything.
 */
export interface BridgeAccess {
  readonly key: string;
  /** The page's origins: 127.0.0.1 and localhost on the harness's port. */
  readonly origins: readonly string[];
  /** Why a request for the page or its files is refused, or null. */
  refusePage(req: IncomingMessage): Refusal | null;
  /** Why a WebSocket upgrade to the bridge is refused, or null. */
  refuseBridge(req: IncomingMessage): Refusal | null;
}

export function createBridgeAccess(port: number): BridgeAccess {
  const key = randomBytes(32).toString('base64url');
  const keyDigest = digest(key);
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const hostOf = (req: IncomingMessage): string | null => {
    const host = req.headers.host?.toLowerCase();
    return host !== undefined && hosts.includes(host) ? host : null;
  };
  return {
    key,
    origins: hosts.map((host) => `http://${host}`),
    refusePage: (req) => (hostOf(req) === null ? 'host' : null),
    refuseBridge(req) {
      const host = hostOf(req);
      if (host === null) return 'host';
      if (req.headers.origin !== `http://${host}`) return 'origin';
      const offered = offeredKey(req.headers['sec-websocket-protocol']);
      // Digests have one length whatever was offered, so the comparison takes the same time for every guess.
      if (offered === null || !timingSafeEqual(digest(offered), keyDigest)) return 'key';
      return null;
    },
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

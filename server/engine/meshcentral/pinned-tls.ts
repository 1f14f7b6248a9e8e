import { createHash, timingSafeEqual, X509Certificate } from 'node:crypto';
import type { Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import { EngineError } from '../remote-support-engine';

/**
 * TLS to MeshCentral, pinned to ONE certificate. MeshCentral serves a certificate signed by its own root,
 * which no system store knows, so chain validation cannot be used; the pin replaces it: the SHA-384 of the
 * presented leaf certificate (its DER) must equal the configured hash, compared in constant time.
 *
 * Why SHA-384 of the whole certificate: it is the hash MeshCentral itself publishes for its HTTPS
 * certificate (`serverinfo.tlshash`, webserver.js webCertificateFullHashs, the `&t=` of its MeshCentral
 * Router links and the `--serverhttpshash` it shows for meshcmd), and what an administrator gets with
 * `openssl x509 -in meshcentral-data/webserver-cert-public.crt -noout -fingerprint -sha384`.
 * (The agent pins something else: `ServerID` in meshagent.msh is the SHA-384 of the agent certificate's
 * public key; meshctrl.js pins nothing at all, it runs with rejectUnauthorized: false.)
 *
 * The check runs in `secureConnect`, BEFORE the socket is handed to the HTTP client: the WebSocket upgrade
 * request (with the x-meshauth credentials) is never written to an unverified peer.
 */
export function normaliseCertHash(hash: string): Buffer {
  const hex = hash.replaceAll(':', '').toLowerCase();
  if (!/^[0-9a-f]{96}$/.test(hex)) throw new EngineError('PROTOCOL', 'The engine certificate hash must be a SHA-384: 96 hex digits');
  return Buffer.from(hex, 'hex');
}

/** The SHA-384 of a certificate's DER, lower-case hex: what the pin compares. */
export function certificateHash(certificate: Buffer | string): string {
  const der = typeof certificate === 'string' ? new X509Certificate(certificate).raw : certificate;
  return createHash('sha384').update(der).digest('hex');
}

type OnSocket = (error: Error | null, socket?: Socket) => void;

/**
 * A `createConnection` for `https.request`/`ws` that delivers the socket only after the pin matched.
 * Returns nothing: Node's ClientRequest then waits for the callback (lib/_http_client.js).
 */
export function pinnedConnection(expectedHash: Buffer, connectTimeoutMs: number) {
  return (options: ConnectionOptions & { host?: string; port?: number; servername?: string }, onSocket: OnSocket): undefined => {
    const host = options.host ?? '127.0.0.1';
    const socket: TLSSocket = tlsConnect({
      host,
      port: options.port,
      // An IP address is not a valid SNI name; MeshCentral needs none with one certificate.
      ...(options.servername && !/^[\d.:]+$/.test(options.servername) ? { servername: options.servername } : {}),
      // Chain validation is replaced by the pin below (MeshCentral's root is in no trust store); the socket
      // is never used before the pin is checked.
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
    });
    const timer = setTimeout(() => fail(new EngineError('UNREACHABLE', `The engine at ${host}:${options.port} did not answer within ${connectTimeoutMs} ms`)), connectTimeoutMs);
    let settled = false;
    function fail(error: Error): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      onSocket(error);
    }
    socket.once('error', (error: NodeJS.ErrnoException) => {
      fail(new EngineError('UNREACHABLE', `The engine at ${host}:${options.port} cannot be reached (${error.code ?? error.message})`));
    });
    socket.once('secureConnect', () => {
      const presented = socket.getPeerCertificate(false)?.raw;
      const actual = presented ? createHash('sha384').update(presented).digest() : undefined;
      if (!actual || actual.length !== expectedHash.length || !timingSafeEqual(actual, expectedHash)) {
        fail(new EngineError('CERTIFICATE_MISMATCH', `The engine at ${host}:${options.port} presented a certificate that is not the configured one (SHA-384 ${actual?.toString('hex') ?? 'none'})`));
        return;
      }
      settled = true;
      clearTimeout(timer);
      onSocket(null, socket);
    });
    return undefined;
  };
}

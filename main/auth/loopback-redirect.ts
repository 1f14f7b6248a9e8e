import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PortalError } from '../ipc/portal-error';

/** The page the system browser shows after the redirect; the app window is where the user continues. */
const DONE_PAGE = `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Fjernhjelp Admin</title></head>
<body style="font-family: system-ui, sans-serif; margin: 3rem">
<h1>Du er logget inn</h1><p>Du kan lukke denne fanen og gå tilbake til Fjernhjelp Admin.</p>
<p lang="en">You are signed in. You can close this tab and return to Fjernhjelp Admin.</p>
</body></html>`;

const FAILED_PAGE = `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Fjernhjelp Admin</title></head>
<body style="font-family: system-ui, sans-serif; margin: 3rem">
<h1>Innloggingen ble ikke fullført</h1><p>Gå tilbake til Fjernhjelp Admin og prøv igjen.</p>
<p lang="en">Sign-in did not complete. Return to Fjernhjelp Admin and try again.</p>
</body></html>`;

export interface LoopbackRedirect {
  /** http://127.0.0.1:<random port>/callback, to send as redirect_uri. */
  redirectUri: string;
  /** Resolves with the full callback URL once the browser arrives with the expected state. */
  callback: Promise<URL>;
  close(): void;
}

/**
 * RFC 8252 §7.3 loopback redirect: a one-shot HTTP listener on 127.0.0.1 and a random port. Only a
 * request to /callback carrying the expected `state` settles it; anything else is answered 404 and
 * ignored, so another local process cannot end the login by guessing the port.
 */
export async function startLoopbackRedirect({ state, timeoutMs, signal }: { state: string; timeoutMs: number; signal?: AbortSignal }): Promise<LoopbackRedirect> {
  let settle: { resolve: (url: URL) => void; reject: (error: Error) => void } | undefined;
  const callback = new Promise<URL>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // Avoid an unhandled rejection when the caller closes before awaiting.
  callback.catch(() => {});

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== '/callback' || url.searchParams.get('state') !== state) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const failed = url.searchParams.has('error');
    res
      .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" })
      .end(failed ? FAILED_PAGE : DONE_PAGE);
    settle?.resolve(new URL(`${redirectUri}${url.search}`));
    close();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`;

  const timer = setTimeout(() => {
    settle?.reject(new PortalError('LOGIN_TIMEOUT', 'The sign-in in the browser was not completed in time'));
    close();
  }, timeoutMs);
  const onAbort = (): void => {
    settle?.reject(new PortalError('LOGIN_CANCELLED', 'The sign-in was cancelled'));
    close();
  };
  signal?.addEventListener('abort', onAbort, { once: true });

  function close(): void {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    server.close();
    server.closeAllConnections();
    settle?.reject(new PortalError('LOGIN_CANCELLED', 'The sign-in was cancelled'));
  }

  return { redirectUri, callback, close };
}

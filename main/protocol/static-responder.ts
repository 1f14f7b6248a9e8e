import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { SECURITY_HEADERS } from './content-security-policy';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export type StaticResponder = (request: Request) => Promise<Response>;

/**
 * Vite's output folder for the bundles it names by their content hash (`index-<hash>.js`): a file there never
 * changes under its name, so it is cached for good, and the browser keeps the compiled code of its scripts
 * with it (V8's code cache) instead of compiling them again on every load. build-checks/ checks the names.
 */
export const HASHED_ASSETS_DIR = 'assets';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built renderer from `rootDir` with the security headers. Written against the web
 * `Request`/`Response` types so the same code backs Electron's `protocol.handle('app', …)` and the
 * web harness, and is tested under plain Node. Anything outside `rootDir` or of an unknown type is 404.
 */
export function createStaticResponder(rootDir: string): StaticResponder {
  const root = resolve(rootDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { ...SECURITY_HEADERS, Allow: 'GET, HEAD' } });
    }
    const filePath = resolveInside(root, new URL(request.url).pathname);
    const contentType = filePath ? CONTENT_TYPES[extname(filePath).toLowerCase()] : undefined;
    if (!filePath || !contentType) return notFound();
    let body: Buffer;
    try {
      body = await readFile(filePath);
    } catch {
      return notFound();
    }
    const hashed = relative(root, filePath).split(sep)[0] === HASHED_ASSETS_DIR;
    const headers = { ...SECURITY_HEADERS, 'Content-Type': contentType, 'Cache-Control': hashed ? IMMUTABLE : 'no-cache' };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

function resolveInside(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const wanted = decoded === '/' ? '/index.html' : decoded;
  const candidate = resolve(root, `.${wanted}`);
  const rel = relative(root, candidate);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return undefined;
  return candidate;
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

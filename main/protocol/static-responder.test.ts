import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { createStaticResponder, type StaticResponder } from './static-responder';

let respond: StaticResponder;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'responder-'));
  mkdirSync(join(dir, 'root/assets'), { recursive: true });
  writeFileSync(join(dir, 'root/index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(dir, 'root/assets/app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'root/notes.txt'), 'plain');
  writeFileSync(join(dir, 'secret.json'), '{"token":"x"}');
  respond = createStaticResponder(join(dir, 'root'));
});

const get = (url: string, method = 'GET') => respond(new Request(url, { method }));

describe('createStaticResponder', () => {
  it('serves index.html for the root with the strict CSP header', async () => {
    const response = await get('app://fjernhjelp/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>x</title>');
    const csp = response.headers.get('content-security-policy');
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves scripts with a JavaScript type and the same CSP', async () => {
    const response = await get('app://fjernhjelp/assets/app.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('lets the content-hashed bundles be cached for good, and everything else only after asking again', async () => {
    expect((await get('app://fjernhjelp/assets/app.js')).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await get('app://fjernhjelp/')).headers.get('cache-control')).toBe('no-cache');
    expect((await get('app://fjernhjelp/index.html')).headers.get('cache-control')).toBe('no-cache');
  });

  it.each([
    'app://fjernhjelp/../secret.json',
    'app://fjernhjelp/%2e%2e/secret.json',
    'app://fjernhjelp/assets/%2e%2e%2f%2e%2e%2fsecret.json',
    'app://fjernhjelp/%00index.html',
    'app://fjernhjelp/%E0%A4%A',
  ])('refuses to leave the root: %s', async (url) => {
    expect((await get(url)).status).toBe(404);
  });

  it('answers 404 for missing files and for types it does not serve', async () => {
    expect((await get('app://fjernhjelp/missing.js')).status).toBe(404);
    expect((await get('app://fjernhjelp/notes.txt')).status).toBe(404);
  });

  it('allows only GET and HEAD', async () => {
    const response = await get('app://fjernhjelp/index.html', 'POST');
    expect(response.status).toBe(405);
    const head = await get('app://fjernhjelp/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

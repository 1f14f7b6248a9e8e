import { connect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortalServer, type RunningPortalServer } from '../start';
import { clientErrorProblem } from './client-error-answer';

let dir: string;
let server: RunningPortalServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'client-error-'));
  server = await startPortalServer({ port: 0, dbPath: join(dir, 'portal.db'), seed: 'empty' });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Sends raw bytes to the portal and reads everything it answers until it closes the connection. */
function rawExchange(request: string): Promise<{ head: string; body: string }> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(request));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      resolve({ head: text.slice(0, split), body: text.slice(split + 4) });
    });
  });
}

describe('requests the HTTP parser refuses', () => {
  it('answers headers over the limit 431 HEADERS_TOO_LARGE as problem+json, naming the headers', async () => {
    const { head, body } = await rawExchange(`GET /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(head).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    expect(head).toContain('Content-Type: application/problem+json');
    expect(JSON.parse(body)).toEqual({
      type: 'about:blank#HEADERS_TOO_LARGE',
      title: 'The request headers are too large',
      status: 431,
      code: 'HEADERS_TOO_LARGE',
      errors: [{ field: 'headers', code: 'TOO_LARGE', message: 'The request line and headers are over 16384 bytes' }],
    });
  });

  it('answers what is not HTTP 400 BAD_REQUEST as problem+json', async () => {
    const { head, body } = await rawExchange('HELLO THERE\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(JSON.parse(body)).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
  });

  it('names a request too slow to arrive 408 REQUEST_TIMEOUT (the parser reports it by its code)', () => {
    // The server's own request timeout is minutes long: the mapping is checked on the code Node reports.
    expect(clientErrorProblem('ERR_HTTP_REQUEST_TIMEOUT')).toMatchObject({ status: 408, code: 'REQUEST_TIMEOUT' });
    expect(clientErrorProblem('HPE_INVALID_METHOD')).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
  });
});

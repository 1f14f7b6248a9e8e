import { describe, expect, it, vi } from 'vitest';
import type { ApiTransport } from './api-transport';
import { PortalClient } from './portal-client';

function transportAnswering(...answers: Array<Response | Error>) {
  const calls: Array<{ url: string; method: string; body: unknown; headers: Record<string, string> | undefined }> = [];
  const transport: ApiTransport = {
    fetch: vi.fn(async (url: URL, method: string, body?: unknown, headers?: Record<string, string>) => {
      calls.push({ url: url.href, method, body, headers });
      const answer = answers.shift();
      if (!answer) throw new Error('no more answers');
      if (answer instanceof Error) throw answer;
      return answer;
    }),
  };
  return { transport, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const noSleep = { sleep: async () => {} };

describe('PortalClient', () => {
  it('builds the URL under /api/v1 with the query and returns data and ETag', async () => {
    const { transport, calls } = transportAnswering(json(200, [{ id: 'v1' }], { etag: 'W/"7"' }));
    const client = new PortalClient('http://127.0.0.1:4000', transport, noSleep);
    const response = await client.request('GET', '/vendors', { query: { query: 'østfold', limit: 5, skip: undefined } });
    expect(response).toEqual({ status: 200, data: [{ id: 'v1' }], etag: 'W/"7"' });
    expect(calls[0]?.url).toBe('http://127.0.0.1:4000/api/v1/vendors?query=%C3%B8stfold&limit=5');
  });

  it('retries an idempotent request after 503 and a network error', async () => {
    const { transport, calls } = transportAnswering(new Response('', { status: 503 }), new TypeError('fetch failed'), json(200, { ok: 1 }));
    const client = new PortalClient('http://127.0.0.1:4000', transport, noSleep);
    await expect(client.request('PUT', 'machine-groups/g/grants/v', { body: { mode: 'with_approval' } })).resolves.toMatchObject({ data: { ok: 1 } });
    expect(calls).toHaveLength(3);
  });

  it('never retries a POST, and reports the network failure as OFFLINE', async () => {
    const { transport, calls } = transportAnswering(new TypeError('fetch failed'));
    const client = new PortalClient('http://127.0.0.1:4000', transport, noSleep);
    await expect(client.request('POST', 'machine-groups', { body: { name: 'x' } })).rejects.toMatchObject({ code: 'OFFLINE' });
    expect(calls).toHaveLength(1);
  });

  it('maps problem+json to a PortalError with the fields', async () => {
    const problem = { code: 'VALIDATION_FAILED', title: 'The request is not valid', errors: [{ field: 'mobile', code: 'FORMAT', message: 'not E.164' }] };
    const { transport } = transportAnswering(json(400, problem));
    const client = new PortalClient('http://127.0.0.1:4000', transport, noSleep);
    await expect(client.request('POST', 'users', { body: {} })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'The request is not valid',
      fields: [{ path: 'mobile', code: 'FORMAT', message: 'not E.164' }],
    });
  });

  it('maps an unknown portal code to PORTAL_ERROR and keeps its title', async () => {
    const { transport } = transportAnswering(json(418, { code: 'TEAPOT', title: 'short and stout' }));
    const client = new PortalClient('http://127.0.0.1:4000', transport, noSleep);
    await expect(client.request('GET', 'x')).rejects.toMatchObject({ code: 'PORTAL_ERROR', message: 'short and stout' });
  });

  it('sends If-Match and returns 304 without a body', async () => {
    const { transport, calls } = transportAnswering(new Response(null, { status: 304, headers: { etag: 'W/"3"' } }));
    const client = new PortalClient('http://127.0.0.1:4000', transport, noSleep);
    await expect(client.request('GET', 'users', { ifNoneMatch: 'W/"3"' })).resolves.toEqual({ status: 304, data: undefined, etag: 'W/"3"' });
    expect(calls[0]?.headers).toMatchObject({ 'if-none-match': 'W/"3"' });
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PortalServerOptions } from '../../options';
import { DEMO_ADMIN } from '../../seed/demo-credentials';
import { startPortalServer, type RunningPortalServer } from '../../start';
import { OpenApiContract, type OpenApiDocument } from './openapi-contract';
import { TestClock } from './test-clock';

export interface ApiResponse<T = any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
}

/** An authenticated caller of the test portal. */
export interface ApiClient {
  readonly token: string;
  get(path: string, options?: RequestOptions): Promise<ApiResponse>;
  post(path: string, body?: unknown, options?: RequestOptions): Promise<ApiResponse>;
  put(path: string, body?: unknown, options?: RequestOptions): Promise<ApiResponse>;
  patch(path: string, body?: unknown, options?: RequestOptions): Promise<ApiResponse>;
  delete(path: string, options?: RequestOptions): Promise<ApiResponse>;
}

export interface TestPortal {
  server: RunningPortalServer;
  url: string;
  dbPath: string;
  clock: TestClock;
  contract: OpenApiContract;
  /** An API client with a dev token for `username` (default: the demo admin). */
  as(username?: string): Promise<ApiClient>;
  /** Without a token: for 401s and the dev routes. */
  anonymous: ApiClient;
  close(): Promise<void>;
}

/**
 * A real portal server on a free port with its own SQLite file, a hand-moved clock and dev tokens.
 * Every API response any test receives is checked against the served OpenAPI document: a route that
 * answers something its documentation does not describe fails the test that saw it.
 */
export async function startTestPortal(options: Partial<PortalServerOptions> = {}): Promise<TestPortal> {
  const dir = await mkdtemp(join(tmpdir(), 'portal-api-'));
  const dbPath = join(dir, 'portal.db');
  const clock = new TestClock();
  const server = await startPortalServer({
    port: 0,
    dbPath,
    seed: 'demo',
    devTokens: true,
    activationDelayMs: 1_000,
    groupSyncDelayMs: 2_000,
    now: clock.now,
    ...options,
  });
  const document = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as OpenApiDocument;
  const contract = new OpenApiContract(document);

  async function call(token: string | undefined, method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (token) headers['authorization'] = `Bearer ${token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers,
      ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    const body: unknown = text.length > 0 ? JSON.parse(text) : undefined;
    const pathOnly = path.split('?')[0]!;
    if (pathOnly.startsWith('/api/v1/') && pathOnly !== '/api/v1/openapi.json') {
      const problem = contract.check(method, pathOnly, response.status, response.headers.get('content-type') ?? undefined, body);
      if (problem) throw new Error(`OpenAPI contract: ${problem}\n${text.slice(0, 500)}`);
    }
    return { status: response.status, headers: response.headers, body };
  }

  const client = (token: string | undefined): ApiClient => ({
    token: token ?? '',
    get: (path, options) => call(token, 'GET', path, options),
    post: (path, body, options) => call(token, 'POST', path, { ...options, body }),
    put: (path, body, options) => call(token, 'PUT', path, { ...options, body }),
    patch: (path, body, options) => call(token, 'PATCH', path, { ...options, body }),
    delete: (path, options) => call(token, 'DELETE', path, options),
  });
  const anonymous = client(undefined);

  return {
    server,
    url: server.url,
    dbPath,
    clock,
    contract,
    anonymous,
    async as(username: string = DEMO_ADMIN.username) {
      const response = await anonymous.post('/dev/token', { username });
      if (response.status !== 200) throw new Error(`no dev token for ${username}: ${response.status}`);
      return client((response.body as { access_token: string }).access_token);
    },
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Accepts the current terms and moves the clock past the activation delay. */
export async function activateService(portal: TestPortal, admin: ApiClient): Promise<void> {
  const service = await admin.get('/api/v1/services/remote-support');
  const response = await admin.post('/api/v1/services/remote-support/activation', { acceptTerms: true, termsVersion: service.body.terms.version });
  if (response.status !== 202) throw new Error(`activation failed: ${response.status} ${JSON.stringify(response.body)}`);
  portal.clock.advance(60_000);
}

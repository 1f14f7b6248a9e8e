import Fastify, { type RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerContext } from '../context';
import { openDatabase } from '../db/database';
import { connectEngine } from '../engine/connect-engine';
import { startEngineRuntime } from '../engine/engine-runtime';
import { resolveOptions } from '../options';
import { API_PREFIX, registerOpenApiDocument } from '../openapi/openapi-document';
import { registerApiRoutes } from './register-api';
import type { OpenApiDocument } from './testing/openapi-contract';
import { activateService, startTestPortal, type TestPortal } from './testing/test-portal';

/** Every route registerApiRoutes adds, seen through Fastify's onRoute hook, as "METHOD /api/v1/path/{param}". */
async function registeredApiRoutes(): Promise<string[]> {
  const app = Fastify();
  const routes: string[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push(`${method} ${route.url.replace(/:(\w+)/g, '{$1}')}`);
    }
  });
  const options = resolveOptions({ port: 0, dbPath: ':memory:', seed: 'empty' });
  const db = openDatabase(':memory:');
  const engine = startEngineRuntime(db, options.engine, options.now, () => connectEngine(options.engine), () => undefined);
  const context: ServerContext = { db, now: options.now, options, baseUrl: () => '', engine };
  await registerOpenApiDocument(app);
  await app.register(async (api) => registerApiRoutes(api, context), { prefix: API_PREFIX });
  await app.ready();
  await app.close();
  context.db.close();
  return routes.filter((route) => route.split(' ')[1]!.startsWith(`${API_PREFIX}/`) && !route.endsWith('/openapi.json')).sort();
}

describe('GET /api/v1/openapi.json', () => {
  let portal: TestPortal;
  let document: OpenApiDocument;

  beforeAll(async () => {
    portal = await startTestPortal();
    const response = await fetch(`${portal.url}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    document = (await response.json()) as OpenApiDocument;
  });
  afterAll(() => portal?.close());

  it('is OpenAPI 3.1, served without a token, with the shared shapes as components', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(['Problem', 'FieldError', 'Me', 'RemoteSupportService', 'MachineGroup', 'Grant', 'Vendor', 'AccessibleGroup', 'User', 'AuditEvent', 'SyncPage', 'SyncChange',
        'AccessReview', 'AccessReviewSummary', 'AccessReviewItem', 'AccessReviewDecisionRecord', 'AccessReviewDecisionReceipt']),
    );
  });

  it('documents every registered API route with its method, and nothing else', async () => {
    const routes = await registeredApiRoutes();
    const documented = Object.entries(document.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    expect(routes).toHaveLength(37);
    expect(documented).toEqual(routes);
    expect(documented.some((route) => route.includes('/dev/') || route.includes('/oidc'))).toBe(false);
  });

  it('documents a problem+json answer and the success answer of every operation', () => {
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const statuses = Object.keys(operation.responses);
        expect(statuses, `${method} ${path}`).toContain('4XX');
        expect(operation.responses['4XX']!.content, `${method} ${path}`).toHaveProperty(['application/problem+json']);
        expect(statuses.some((status) => status.startsWith('2')), `${method} ${path}`).toBe(true);
      }
    }
  });

  it('validates real answers against the documented schemas (the client checks every answer in every API test)', async () => {
    const admin = await portal.as();
    await activateService(portal, admin);
    const group = (await admin.post('/api/v1/machine-groups', { name: 'Kontrakt' })).body;
    await admin.put(`/api/v1/machine-groups/${group.id}/grants/org-vendor-01`, { mode: 'with_approval', expiresAt: '2030-01-01T00:00:00Z' });
    const user = (await admin.post('/api/v1/users', { firstName: 'Kon', lastName: 'Trakt', email: 'k@example.no', mobile: '91234567', twoFactor: 'totp' })).body;
    const sync = await admin.get('/api/v1/sync?limit=1000');
    expect(new Set(sync.body.changes.map((change: { type: string }) => change.type)).size).toBe(7);
    // The contract check itself must catch a mismatch, or the above proves nothing.
    expect(portal.contract.check('GET', `/api/v1/users/${user.id}`, 200, 'application/json', { ...user, secret: 'x' })).toMatch(/does not match/);
    expect(portal.contract.check('GET', '/api/v1/users', 418, 'application/json', [])).toMatch(/418/);
    expect(portal.contract.check('GET', '/api/v1/machine-groups', 200, 'application/json', [{ id: 1 }])).toMatch(/does not match/);
    expect(portal.contract.check('DELETE', '/api/v1/users', 204, undefined, undefined)).toMatch(/not in the OpenAPI document/);
  });
});

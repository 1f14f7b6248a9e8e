import Fastify, { type RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerContext } from '../context';
import { openDatabase } from '../db/database';
import { connectEngine } from '../engine/connect-engine';
import { startEngineRuntime } from '../engine/engine-runtime';
import { resolveOptions } from '../options';
import { API_PREFIX, registerOpenApiDocument } from '../openapi/openapi-document';
import { registerApiRoutes } from './register-api';
import { catalogueExample } from '../http/problem-catalogue';
import type { OpenApiDocument, OpenApiOperation } from './testing/openapi-contract';
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
    expect(routes).toHaveLength(38);
    expect(documented).toEqual(routes);
    expect(documented.some((route) => route.includes('/dev/') || route.includes('/oidc'))).toBe(false);
  });

  /** Every operation with its method and path, e.g. "PATCH /api/v1/machine-groups/{id}". */
  const operations = (): Array<[string, OpenApiOperation]> =>
    Object.entries(document.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, operation]): [string, OpenApiOperation] => [`${method.toUpperCase()} ${path}`, operation]),
    );

  it('gives every operation a unique, stable operationId: a camelCase verb and noun', () => {
    const ids = operations().map(([route, operation]) => {
      expect(operation.operationId, route).toMatch(/^[a-z]+(?:[A-Z][a-z0-9]*)+$/);
      return operation.operationId;
    });
    expect(new Set(ids).size).toBe(ids.length);
    // The ids are the contract's names for SDKs: pinned here so a rename is a decision, not an accident.
    expect(Object.fromEntries(operations().map(([route, operation]) => [operation.operationId, route]))).toMatchObject({
      listMachineGroups: 'GET /api/v1/machine-groups',
      createMachineGroup: 'POST /api/v1/machine-groups',
      getMachineGroup: 'GET /api/v1/machine-groups/{id}',
      renameMachineGroup: 'PATCH /api/v1/machine-groups/{id}',
      deleteMachineGroup: 'DELETE /api/v1/machine-groups/{id}',
      setGrant: 'PUT /api/v1/machine-groups/{id}/grants/{vendorId}',
      createUser: 'POST /api/v1/users',
      getSyncPage: 'GET /api/v1/sync',
    });
  });

  it('names its servers, licence and contact (each organisation runs its own portal: the server is relative)', () => {
    expect(document.servers).toEqual([{ url: '/', description: expect.stringContaining('each organisation runs its own') }]);
    expect(document.info['license']).toEqual({ name: expect.any(String), identifier: expect.stringMatching(/^LicenseRef-[A-Za-z0-9.-]+$/) });
    expect(document.info['contact']).toEqual({ name: expect.any(String) });
  });

  it('documents the success answer of every operation, and each problem under its own status with one example per code', () => {
    for (const [route, operation] of operations()) {
      const statuses = Object.keys(operation.responses);
      expect(statuses.some((status) => status.startsWith('2')), route).toBe(true);
      // The framework's problems are on every operation; no catch-all 4XX/5XX stands in for the real list.
      expect(statuses, route).toEqual(expect.arrayContaining(['401', '500']));
      expect(statuses.filter((status) => /XX$/i.test(status)), route).toEqual([]);
      const instance = new RegExp(`^${route.split(' ')[1]!.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      for (const status of statuses.filter((key) => Number(key) >= 400)) {
        const media = operation.responses[status]!.content?.['application/problem+json'];
        expect(media?.schema, `${route} ${status}`).toEqual({ $ref: '#/components/schemas/Problem' });
        const examples = Object.entries(media?.examples ?? {});
        expect(examples.length, `${route} ${status}`).toBeGreaterThan(0);
        for (const [name, example] of examples) {
          const value = example.value as { code: string; status: number; type: string; instance: string };
          expect(portal.contract.checkProblem('application/problem+json', value), `${route} ${status} ${name}`).toBeUndefined();
          expect(value, `${route} ${status} ${name}`).toMatchObject({ code: name, status: Number(status), type: `about:blank#${name}` });
          expect(value.instance, `${route} ${status} ${name}`).toMatch(instance);
          expect(example.summary, `${route} ${status} ${name}`).toBe(catalogueExample(name, Number(status))!.summary);
        }
      }
    }
  });

  it('documents what an operation can answer as problems, not only the generic ones', () => {
    const codes = (route: string): string[] => {
      const operation = operations().find(([candidate]) => candidate === route)![1];
      return Object.entries(operation.responses).flatMap(([status, response]) =>
        Object.keys(response.content?.['application/problem+json']?.examples ?? {}).map((code) => `${status} ${code}`),
      );
    };
    // Every operation: its token, and what the HTTP parser refuses before any route is chosen.
    expect(codes('GET /api/v1/me').sort()).toEqual(['401 UNAUTHENTICATED', '408 REQUEST_TIMEOUT', '431 HEADERS_TOO_LARGE', '500 INTERNAL']);
    expect(codes('DELETE /api/v1/machine-groups/{id}').sort()).toEqual([
      '400 BAD_REQUEST', '400 VALIDATION_FAILED', '401 UNAUTHENTICATED', '403 FORBIDDEN', '404 NOT_FOUND', '408 REQUEST_TIMEOUT',
      '409 DEFAULT_GROUP', '409 SERVICE_NOT_ACTIVE', '409 VENDORS_HAVE_ACCESS', '412 PRECONDITION_FAILED', '413 BODY_TOO_LARGE',
      '414 URI_TOO_LONG', '415 UNSUPPORTED_MEDIA_TYPE', '428 PRECONDITION_REQUIRED', '431 HEADERS_TOO_LARGE', '500 INTERNAL',
    ]);
    expect(codes('POST /api/v1/users')).toEqual(expect.arrayContaining(['422 VALIDATION_FAILED', '409 YUBIKEY_IN_USE', '400 VALIDATION_FAILED']));
    expect(codes('GET /api/v1/users')).not.toContain('400 VALIDATION_FAILED');
  });

  it('validates real answers against the documented schemas (the client checks every answer in every API test)', async () => {
    const admin = await portal.as();
    await activateService(portal, admin);
    const group = (await admin.post('/api/v1/machine-groups', { name: 'Kontrakt' })).body;
    await admin.put(`/api/v1/machine-groups/${group.id}/grants/org-vendor-01`, { mode: 'with_approval', expiresAt: '2030-01-01T00:00:00Z' });
    const user = (await admin.post('/api/v1/users', { firstName: 'Kon', lastName: 'Trakt', email: 'k@example.no', mobile: '91234567', twoFactor: 'totp' })).body;
    const sync = await admin.get('/api/v1/sync?limit=1000');
    // Seven types of its own, and the demo's technicians' sessions on the groups vendors granted it (remoteSession).
    expect(new Set(sync.body.changes.map((change: { type: string }) => change.type)).size).toBe(8);
    // The contract check itself must catch a mismatch, or the above proves nothing.
    expect(portal.contract.check('GET', `/api/v1/users/${user.id}`, 200, 'application/json', { ...user, secret: 'x' })).toMatch(/does not match/);
    expect(portal.contract.check('GET', '/api/v1/users', 418, 'application/json', [])).toMatch(/418/);
    expect(portal.contract.check('GET', '/api/v1/machine-groups', 200, 'application/json', [{ id: 1 }])).toMatch(/does not match/);
    expect(portal.contract.check('DELETE', '/api/v1/users', 204, undefined, undefined)).toMatch(/not in the OpenAPI document/);
    // A problem its operation does not list fails too: an undocumented status, or a code not documented under its status.
    const problem = (status: number, code: string) => ({ type: `about:blank#${code}`, title: 'x', status, code, instance: '/api/v1/me' });
    expect(portal.contract.check('GET', '/api/v1/me', 409, 'application/problem+json', problem(409, 'SERVICE_NOT_ACTIVE'))).toMatch(/does not/);
    expect(portal.contract.check('POST', '/api/v1/machine-groups', 409, 'application/problem+json', problem(409, 'LAST_ADMIN'))).toMatch(/does not list/);
    expect(portal.contract.check('POST', '/api/v1/machine-groups', 409, 'application/problem+json', problem(409, 'NAME_TAKEN'))).toBeUndefined();
    expect(portal.contract.checkProblem('application/problem+json', problem(418, 'TEAPOT'))).toMatch(/not in the problem catalogue/);
  });
});

import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activateService, startTestPortal, type ApiClient, type TestPortal } from '../api/testing/test-portal';

/**
 * Every error the portal answers is RFC 9457 problem+json with one of its own codes (never Fastify's
 * FST_ERR_..., never Fastify's plain JSON), naming the field that is wrong where one is. Sent over a
 * real socket with node:http, not fetch: fetch adds a content type of its own and cannot send some of
 * these requests at all.
 */

interface RawAnswer {
  status: number;
  contentType: string | undefined;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

function send(url: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const sized = body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) };
    const request = httpRequest({ host: hostname, port, method, path, headers: sized }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode!, contentType: response.headers['content-type'], body: text ? JSON.parse(text) : undefined });
      });
    });
    request.on('error', reject);
    if (body !== undefined) request.write(body);
    request.end();
  });
}

describe('the portal answers every error as problem+json with a field', () => {
  let portal: TestPortal;
  let admin: ApiClient;
  let userId: string;
  let groupId: string;

  /** An authenticated raw request whose answer must be a Problem, and match the operation's documentation when there is one. */
  async function problem(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<RawAnswer> {
    const answer = await send(portal.url, method, path, { authorization: `Bearer ${admin.token}`, ...headers }, body);
    expect(portal.contract.checkProblem(answer.contentType, answer.body), JSON.stringify(answer.body)).toBeUndefined();
    expect(answer.body.status).toBe(answer.status);
    expect(answer.body.code).not.toMatch(/^FST_/);
    const pathOnly = path.split('?')[0]!;
    if (portal.contract.pathTemplate(pathOnly)) {
      const operation = portal.contract.document.paths[portal.contract.pathTemplate(pathOnly)!]?.[method.toLowerCase()];
      if (operation) expect(portal.contract.check(method, pathOnly, answer.status, answer.contentType, answer.body)).toBeUndefined();
    }
    return answer;
  }
  const json = { 'content-type': 'application/json' };

  beforeAll(async () => {
    portal = await startTestPortal();
    admin = await portal.as();
    await activateService(portal, admin);
    userId = (await admin.post('/api/v1/users', { firstName: 'Feil', lastName: 'Svar', email: 'feil@example.no', mobile: '91234567', twoFactor: 'totp' })).body.id;
    groupId = (await admin.post('/api/v1/machine-groups', { name: 'Feilsvar' })).body.id;
  });
  afterAll(() => portal?.close());

  describe('routes the portal does not have', () => {
    it('answers 404 ROUTE_NOT_FOUND for an unknown path or method, with or without a token', async () => {
      const unknown = await problem('GET', '/api/v1/nope');
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual({
        type: 'about:blank#ROUTE_NOT_FOUND',
        title: 'The portal has no route GET /api/v1/nope',
        status: 404,
        code: 'ROUTE_NOT_FOUND',
        instance: '/api/v1/nope',
      });
      expect((await problem('PUT', '/api/v1/machine-groups', json, '{}')).body.code).toBe('ROUTE_NOT_FOUND');
      expect((await problem('GET', '/nope?x=1')).body.title).toBe('The portal has no route GET /nope');
      const anonymous = await send(portal.url, 'GET', '/api/v1/nope');
      expect(anonymous.status).toBe(404);
      expect(anonymous.body.code).toBe('ROUTE_NOT_FOUND');
    });
  });

  describe('paths the router cannot read', () => {
    it('answers 400 VALIDATION_FAILED on field "path" for a broken percent-encoding', async () => {
      const answer = await problem('GET', '/api/v1/users/%ZZ');
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('VALIDATION_FAILED');
      expect(answer.body.errors).toEqual([{ field: 'path', code: 'PATH_ENCODING_INVALID', message: 'The path holds a % that does not start a percent-encoded byte' }]);
    });

    it('names the id that is too long (400 on field "id"), and answers a path past the router\'s limit with 414 URI_TOO_LONG', async () => {
      const longId = await problem('GET', `/api/v1/users/${'a'.repeat(101)}`);
      expect(longId.status).toBe(400);
      expect(longId.body.errors).toEqual([{ field: 'id', code: 'MAXLENGTH', message: 'must NOT have more than 100 characters' }]);
      const grant = await problem('DELETE', `/api/v1/machine-groups/${groupId}/grants/${'v'.repeat(101)}`);
      expect(grant.body.errors).toEqual([{ field: 'vendorId', code: 'MAXLENGTH', message: 'must NOT have more than 100 characters' }]);
      const huge = await problem('GET', `/api/v1/users/${'a'.repeat(1001)}`);
      expect(huge.status).toBe(414);
      expect(huge.body.code).toBe('URI_TOO_LONG');
      expect(huge.body.errors).toEqual([{ field: 'path', code: 'TOO_LONG', message: 'A part of the path is over 1000 characters' }]);
    });
  });

  describe('bodies that are not JSON', () => {
    it('answers JSON sent as text/plain, or with no content type, with 415 UNSUPPORTED_MEDIA_TYPE on "content-type", and does nothing', async () => {
      const body = JSON.stringify({ name: 'Tekstgruppe' });
      const plain = await problem('POST', '/api/v1/machine-groups', { 'content-type': 'text/plain' }, body);
      expect(plain.status).toBe(415);
      expect(plain.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(plain.body.errors).toEqual([{ field: 'content-type', code: 'UNSUPPORTED_MEDIA_TYPE', message: 'text/plain is not application/json' }]);
      const none = await problem('POST', '/api/v1/machine-groups', {}, body);
      expect(none.status).toBe(415);
      expect(none.body.errors).toEqual([{ field: 'content-type', code: 'UNSUPPORTED_MEDIA_TYPE', message: 'A body needs the content type application/json' }]);
      const form = await problem('PATCH', `/api/v1/users/${userId}`, { 'content-type': 'application/x-www-form-urlencoded', 'if-match': 'W/"1"' }, 'email=x@example.no');
      expect(form.status).toBe(415);
      const groups = (await admin.get('/api/v1/machine-groups')).body.map((group: { name: string }) => group.name);
      expect(groups).not.toContain('Tekstgruppe');
    });

    it('accepts application/json with a charset', async () => {
      const answer = await send(portal.url, 'POST', '/api/v1/machine-groups', { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json; charset=utf-8' }, JSON.stringify({ name: 'Tegnsett' }));
      expect(answer.status).toBe(201);
    });

    it('answers malformed JSON and prototype keys with 400 VALIDATION_FAILED on "body"', async () => {
      for (const body of ['{"name":', '{"name": "a", "__proto__": {"admin": true}}', '{"constructor": {"prototype": {"admin": true}}}']) {
        const answer = await problem('POST', '/api/v1/machine-groups', json, body);
        expect(answer.status, body).toBe(400);
        expect(answer.body.code).toBe('VALIDATION_FAILED');
        expect(answer.body.errors).toEqual([{ field: 'body', code: 'JSON_INVALID', message: 'The body is not valid JSON, or it holds a __proto__ or constructor.prototype key' }]);
      }
    });

    it('answers a body over the limit with 413 BODY_TOO_LARGE on "body"', async () => {
      const answer = await problem('POST', '/api/v1/machine-groups', json, JSON.stringify({ name: 'x'.repeat(300 * 1024) }));
      expect(answer.status).toBe(413);
      expect(answer.body.code).toBe('BODY_TOO_LARGE');
      expect(answer.body.errors).toEqual([{ field: 'body', code: 'TOO_LARGE', message: 'The body is over 262144 bytes' }]);
    });
  });

  describe('bodies that do not match', () => {
    it('names "body" when the body as a whole is wrong: PATCH {} names it, with the rule it breaks', async () => {
      const empty = await problem('PATCH', `/api/v1/users/${userId}`, { ...json, 'if-match': 'W/"1"' }, '{}');
      expect(empty.status).toBe(400);
      expect(empty.body.errors).toEqual([{ field: 'body', code: 'MINPROPERTIES', message: 'must have at least 1 field' }]);
      const list = await problem('POST', '/api/v1/machine-groups', json, '[]');
      expect(list.body.errors).toEqual([{ field: 'body', code: 'TYPE', message: 'must be object' }]);
    });

    it('answers an empty body on a route that needs one with 400 on "body", not Fastify\'s FST_ERR_CTP_EMPTY_JSON_BODY', async () => {
      const answer = await problem('POST', '/api/v1/machine-groups', json, '');
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([{ field: 'body', code: 'TYPE', message: 'must be object' }]);
    });
  });

  describe('routes that take no body', () => {
    /** Every documented operation with a method that can carry a body but no requestBody. */
    const bodiless = (): Array<{ method: string; template: string }> =>
      Object.entries(portal.contract.document.paths).flatMap(([template, operations]) =>
        Object.entries(operations)
          .filter(([method, operation]) => ['post', 'put', 'patch', 'delete'].includes(method) && !('requestBody' in operation))
          .map(([method]) => ({ method: method.toUpperCase(), template })),
      );
    const concrete = (template: string): string =>
      template.replace('{userId}', userId).replace('{vendorId}', 'org-vendor-01').replace('{id}', template.startsWith('/api/v1/users') ? userId : groupId);

    it('refuses any property in a body (400 on that property) on every one of them, and does nothing', async () => {
      const routes = bodiless();
      expect(routes.map(({ method, template }) => `${method} ${template}`).sort()).toEqual([
        'DELETE /api/v1/engine/findings/{id}',
        'DELETE /api/v1/machine-groups/{id}',
        'DELETE /api/v1/machine-groups/{id}/grants/{vendorId}',
        'DELETE /api/v1/portal-admins/{userId}',
        'DELETE /api/v1/users/{id}',
        'POST /api/v1/users/{id}/deactivate',
        'POST /api/v1/users/{id}/one-time-password',
        'POST /api/v1/users/{id}/reactivate',
        'POST /api/v1/users/{id}/totp',
        'PUT /api/v1/portal-admins/{userId}',
      ]);
      const smsBefore = (await portal.anonymous.get(`/dev/outbox?userId=${userId}`)).body.length;
      const secretBefore = (await admin.get(`/api/v1/users/${userId}/totp`)).body.otpauthUri;
      for (const { method, template } of routes) {
        const answer = await problem(method, concrete(template), json, '{"x":1}');
        expect(answer.status, `${method} ${template}`).toBe(400);
        expect(answer.body.errors, `${method} ${template}`).toEqual([{ field: 'x', code: 'ADDITIONALPROPERTIES', message: 'must NOT have additional properties' }]);
        const list = await problem(method, concrete(template), json, '[1]');
        expect(list.body.errors, `${method} ${template}`).toEqual([{ field: 'body', code: 'TYPE', message: 'must be object' }]);
      }
      expect((await portal.anonymous.get(`/dev/outbox?userId=${userId}`)).body).toHaveLength(smsBefore);
      expect((await admin.get(`/api/v1/users/${userId}/totp`)).body.otpauthUri).toBe(secretBefore);
      expect((await admin.get('/api/v1/portal-admins')).body.map((user: { id: string }) => user.id)).not.toContain(userId);
    });

    it('accepts an empty body with content-type application/json, which many clients always send, and {} too', async () => {
      const auth = { authorization: `Bearer ${admin.token}` };
      const accepted = async (method: string, path: string, body: string, status: number): Promise<void> => {
        const answer = await send(portal.url, method, path, { ...auth, ...json }, body);
        expect(answer.status, `${method} ${path} ${JSON.stringify(body)}: ${JSON.stringify(answer.body)}`).toBe(status);
        expect(portal.contract.check(method, path, answer.status, answer.contentType, answer.body)).toBeUndefined();
      };
      for (const body of ['', '{}']) {
        await admin.put(`/api/v1/machine-groups/${groupId}/grants/org-vendor-01`, { mode: 'with_approval' });
        await accepted('DELETE', `/api/v1/machine-groups/${groupId}/grants/org-vendor-01`, body, 204);
        await accepted('POST', `/api/v1/users/${userId}/one-time-password`, body, 202);
        await accepted('POST', `/api/v1/users/${userId}/totp`, body, 200);
        await accepted('PUT', `/api/v1/portal-admins/${userId}`, body, 201);
        await accepted('DELETE', `/api/v1/portal-admins/${userId}`, body, 204);
      }
      // And with no content type and no body at all, as before.
      const plain = await send(portal.url, 'POST', `/api/v1/users/${userId}/totp`, auth);
      expect(plain.status).toBe(200);
    });
  });
});

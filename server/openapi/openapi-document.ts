import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { NO_BODY } from '../http/json-bodies';
import { componentSchemas } from './component-schemas';
import { documentedResponses } from './problem-responses';

export const API_PREFIX = '/api/v1';
export const OPENAPI_PATH = `${API_PREFIX}/openapi.json`;

/**
 * Publishes GET /api/v1/openapi.json (no token needed), generated from the very route schemas Fastify
 * validates requests and serializes responses with, so the document cannot drift from the routes.
 * Register before any route: @fastify/swagger learns routes as they are added. Only /api/v1 routes are
 * documented; login (/oidc) and test-only (/dev) routes are not part of the API.
 */
export async function registerOpenApiDocument(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Fjernhjelp kundeportal API',
        version: '1.0.0',
        description:
          'The remote-support part of the customer portal: service activation, machine groups, vendor grants, ' +
          'users, portal administrators, access reviews, audit log and delta sync. Every error is RFC 9457 problem+json with a stable ' +
          '`code` and, for invalid input, per-field `errors` (`field` is a property, a path parameter, or "body", "path" or ' +
          '"content-type" when the whole is wrong): 400 VALIDATION_FAILED when the request does not match the schema (JSON_INVALID ' +
          'for a body that is not JSON, PATH_ENCODING_INVALID for a broken %-encoding), 422 with a specific code when a value breaks ' +
          'a rule, 404 ROUTE_NOT_FOUND for a path or method the API does not have, 413 BODY_TOO_LARGE, 414 URI_TOO_LONG, 415 ' +
          'UNSUPPORTED_MEDIA_TYPE for a body that is not application/json, 431 HEADERS_TOO_LARGE and 408 REQUEST_TIMEOUT before ' +
          'any route is chosen. An operation without a requestBody takes none: no body, ' +
          'an empty one (also with content-type application/json) or {}; any property in it is a 400. Machine groups, grants, ' +
          'vendors, accessible groups, users, portal administrators and access reviews answer 409 SERVICE_NOT_ACTIVE until remote support is active ("activating" does not count); ' +
          '/me, the service itself, the audit log and sync do not. Another organisation\'s ids answer 404. List routes send ' +
          'an ETag and answer 304 to a matching If-None-Match. Each operation lists the problems it can answer under their ' +
          'statuses, with one example per `code`; a client should still treat any other 4xx or 5xx as a problem.',
        // No LICENSE file and a private package: the API is not offered under an open licence. SPDX has no
        // identifier for that; a LicenseRef- is SPDX's own form for a licence outside its list. The owners must confirm it.
        license: { name: 'Proprietary: all rights reserved', identifier: 'LicenseRef-Proprietary' },
        contact: { name: 'Fjernhjelp Admin maintainers' },
      },
      // Each organisation runs its own portal, so there is no one host: a relative URL is the portal that
      // serves this document (OpenAPI resolves it against the document's own URL; paths start at /api/v1).
      servers: [{ url: '/', description: 'The portal that serves this document: each organisation runs its own' }],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    // Component names are the schemas' $ids (User, MachineGroup, ...) rather than def-0, def-1, ...
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, index) => (typeof json.$id === 'string' ? json.$id : `def-${index}`) },
    transform: ({ schema, url, route }) => {
      if (!url.startsWith(`${API_PREFIX}/`) || url === OPENAPI_PATH) return { schema: { ...schema, hide: true }, url };
      // The problems the framework answers for an operation of this shape join the route's own, and every
      // example names this operation's path as its instance (problem-responses.ts).
      const response = documentedResponses({ url, method: route.method, bodyLimit: route.bodyLimit, schema });
      // A route that takes no body has no requestBody (the leniency for {} is in the description above).
      return { schema: { ...schema, response, ...(schema.body === NO_BODY && { body: undefined }) }, url };
    },
  });
  for (const schema of componentSchemas) app.addSchema(schema);
  app.get(OPENAPI_PATH, { schema: { hide: true } }, async () => app.swagger());
}

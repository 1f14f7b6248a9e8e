import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { componentSchemas } from './component-schemas';

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
          'users, portal administrators, access reviews, audit log and delta sync. Errors are RFC 9457 problem+json with a stable `code` ' +
          'and, for invalid input, per-field `errors`: 400 VALIDATION_FAILED when the JSON does not match the schema, 422 with ' +
          'a specific code when a value breaks a rule. Machine groups, grants, vendors, accessible groups, users, portal ' +
          'administrators and access reviews answer 409 SERVICE_NOT_ACTIVE until remote support is active ("activating" does not count); ' +
          '/me, the service itself, the audit log and sync do not. Another organisation\'s ids answer 404. List routes send ' +
          'an ETag and answer 304 to a matching If-None-Match.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    // Component names are the schemas' $ids (User, MachineGroup, ...) rather than def-0, def-1, ...
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, index) => (typeof json.$id === 'string' ? json.$id : `def-${index}`) },
    transform: ({ schema, url }) => ({ schema: url.startsWith(`${API_PREFIX}/`) && url !== OPENAPI_PATH ? schema : { ...schema, hide: true }, url }),
  });
  for (const schema of componentSchemas) app.addSchema(schema);
  app.get(OPENAPI_PATH, { schema: { hide: true } }, async () => app.swagger());
}

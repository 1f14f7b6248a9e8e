import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { callerWithRole } from '../http/authenticate';
import { readSyncPage } from '../sync/sync-feed';
import { sendJsonWithEtag } from './http-caching';
import { conditionalGetHeaders, notModified, ok, problems } from './route-schemas';

/**
 * GET /sync: the delta feed the app's cache follows. Not gated on the service being active: the feed
 * is how the app learns that activation has finished.
 */
export function registerSyncRoutes(api: FastifyInstance, { db }: ServerContext): void {
  api.get<{ Querystring: { since?: number; limit?: number } }>(
    '/sync',
    {
      schema: {
        operationId: 'getSyncPage',
        summary: 'Changes after a cursor, in version order',
        description:
          'Types: service, vendor, machineGroup, grant, accessibleGroup, user, auditEvent, device, engineFinding, remoteSession. ' +
          'A page never splits a version; ' +
          'follow `cursor` while `hasMore`.',
        tags: ['sync'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            since: { type: 'integer', minimum: 0, default: 0, description: 'The cursor of the previous page; 0 for everything' },
            // Up to 20 000: a first sync of a large organisation is fastest in few pages (each one transaction in the
            // app), but a page is built, parsed and written in one piece (main/sync/sync-engine.ts measures it).
            limit: { type: 'integer', minimum: 1, maximum: 20_000, default: 500 },
          },
        },
        headers: conditionalGetHeaders,
        response: { ...ok({ $ref: 'SyncPage#' }), ...notModified, ...problems('FORBIDDEN') },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      const page = readSyncPage(db, caller.organisationId, request.query.since ?? 0, request.query.limit ?? 500);
      // A first sync is megabytes of pages. JSON.stringify writes each as one flat string in a third of the
      // time the schema's serializer takes to build it piece by piece (and without its garbage). The items
      // are the REST routes' own shapes (the same mappers, sync-feed.ts), and every response in the tests is
      // checked against the closed SyncPage schema (api/testing/openapi-contract.ts), so nothing undocumented
      // reaches a client this way either.
      return sendJsonWithEtag(request, reply, JSON.stringify(page));
    },
  );
}

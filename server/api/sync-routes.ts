import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { callerWithRole } from '../http/authenticate';
import { readSyncPage } from '../sync/sync-feed';
import { sendWithEtag } from './http-caching';
import { conditionalGetHeaders, notModified, ok } from './route-schemas';

/**
 * GET /sync: the delta feed the app's cache follows. Not gated on the service being active: the feed
 * is how the app learns that activation has finished.
 */
export function registerSyncRoutes(api: FastifyInstance, { db }: ServerContext): void {
  api.get<{ Querystring: { since?: number; limit?: number } }>(
    '/sync',
    {
      schema: {
        summary: 'Changes after a cursor, in version order',
        description:
          'Types: service, vendor, machineGroup, grant, accessibleGroup, user, auditEvent. A page never splits a version; ' +
          'follow `cursor` while `hasMore`.',
        tags: ['sync'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            since: { type: 'integer', minimum: 0, default: 0, description: 'The cursor of the previous page; 0 for everything' },
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 500 },
          },
        },
        headers: conditionalGetHeaders,
        response: { ...ok({ $ref: 'SyncPage#' }), ...notModified },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      return sendWithEtag(request, reply, readSyncPage(db, caller.organisationId, request.query.since ?? 0, request.query.limit ?? 500));
    },
  );
}

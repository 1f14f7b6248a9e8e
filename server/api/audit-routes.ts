import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { listAuditEvents } from '../domain/audit-log';
import { callerWithRole } from '../http/authenticate';
import { conditionalGetHeaders, okList, problems } from './route-schemas';
import { sendWithEtag } from './http-caching';

/**
 * The organisation's audit log, oldest first after `since` (an event id). Not gated on the service
 * being active: activation itself is in the log.
 */
export function registerAuditRoutes(api: FastifyInstance, { db }: ServerContext): void {
  api.get<{ Querystring: { since?: number; limit?: number } }>(
    '/audit-events',
    {
      schema: {
        operationId: 'listAuditEvents',
        summary: 'Audit log: who changed what, when, before and after',
        tags: ['audit'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            since: { type: 'integer', minimum: 0, default: 0, description: 'Events with a larger id than this' },
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
          },
        },
        headers: conditionalGetHeaders,
        response: { ...okList('AuditEvent#'), ...problems('FORBIDDEN') },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      return sendWithEtag(request, reply, listAuditEvents(db, caller.organisationId, request.query.since ?? 0, request.query.limit ?? 100));
    },
  );
}

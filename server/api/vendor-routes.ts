import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { listAccessibleGroups } from '../domain/grant-repository';
import { requireActiveService } from '../domain/remote-support-service';
import { searchVendors } from '../domain/vendor-repository';
import { callerWithRole } from '../http/authenticate';
import { callerWithAnyRole } from './caller';
import { conditionalGetHeaders, okList, problems } from './route-schemas';
import { sendWithEtag } from './http-caching';

/** Vendors to grant access to, and the other side: groups this organisation may reach as a vendor. */
export function registerVendorRoutes(api: FastifyInstance, { db }: ServerContext): void {
  api.get<{ Querystring: { query?: string; limit?: number } }>(
    '/vendors',
    {
      schema: {
        operationId: 'searchVendors',
        summary: 'Search vendor organisations',
        description: 'Name prefix and substring, ignoring case and diacritics ("ostfold" finds "Østfold"); prefix matches first.',
        tags: ['vendors'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            query: { type: 'string', maxLength: 200, default: '' },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
          },
        },
        headers: conditionalGetHeaders,
        response: { ...okList('Vendor#'), ...problems('FORBIDDEN', 'SERVICE_NOT_ACTIVE') },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      requireActiveService(db, caller.organisationId);
      return sendWithEtag(request, reply, searchVendors(db, caller.organisationId, request.query.query ?? '', request.query.limit ?? 50));
    },
  );

  api.get(
    '/accessible-machine-groups',
    {
      schema: {
        operationId: 'listAccessibleMachineGroups',
        summary: 'Machine groups of other organisations that yours has access to',
        description: 'Portal administrators and remote-support users may read it: it is what a remote-support user can reach.',
        tags: ['vendors'],
        headers: conditionalGetHeaders,
        response: {
          ...okList('AccessibleGroup#'),
          ...problems({ code: 'FORBIDDEN', title: 'This requires one of the roles portal-admin, remote-support-user' }, 'SERVICE_NOT_ACTIVE'),
        },
      },
    },
    async (request, reply) => {
      const caller = callerWithAnyRole(request, ['portal-admin', 'remote-support-user']);
      requireActiveService(db, caller.organisationId);
      return sendWithEtag(request, reply, listAccessibleGroups(db, caller.organisationId));
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { actorFor } from '../domain/actor';
import { deleteGrant, listGrants, putGrant, type GrantMode } from '../domain/grant-repository';
import { requireMachineGroup } from '../domain/machine-group-repository';
import { requireActiveService } from '../domain/remote-support-service';
import { callerWithRole } from '../http/authenticate';
import { conditionalGetHeaders, idParams, noContent, okList, problems } from './route-schemas';
import { sendWithEtag } from './http-caching';

const grantParams = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'vendorId'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 100 }, vendorId: { type: 'string', minLength: 1, maxLength: 100 } },
} as const;

/** Which vendors may remote-control a group, with or without approval (the guide, chapter 2). */
export function registerGrantRoutes(api: FastifyInstance, { db, now }: ServerContext): void {
  api.get<{ Params: { id: string } }>(
    '/machine-groups/:id/grants',
    {
      schema: {
        operationId: 'listGrants',
        summary: 'Vendors with access to a machine group',
        tags: ['grants'],
        params: idParams,
        headers: conditionalGetHeaders,
        response: { ...okList('Grant#'), ...problems('FORBIDDEN', 'SERVICE_NOT_ACTIVE', 'NOT_FOUND') },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      requireActiveService(db, caller.organisationId);
      requireMachineGroup(db, caller.organisationId, request.params.id);
      return sendWithEtag(request, reply, listGrants(db, request.params.id));
    },
  );

  api.put<{ Params: { id: string; vendorId: string }; Body: { mode: GrantMode; expiresAt?: string | null } }>(
    '/machine-groups/:id/grants/:vendorId',
    {
      schema: {
        operationId: 'setGrant',
        summary: 'Give a vendor access to a machine group, or change its access',
        description:
          '201 when the vendor had no access, 200 when its access changed (or was already so). A change keeps grantedAt/grantedBy ' +
          '(when and by whom access was first given); a change of mode sets modeChangedAt/modeChangedBy and is audited as ' +
          'grant.mode_changed, an expiry change as grant.changed. 404 NOT_FOUND (group), ' +
          '404 VENDOR_NOT_FOUND; 422 CANNOT_GRANT_SELF (your own organisation), EXPIRES_AT_NOT_IN_FUTURE.',
        tags: ['grants'],
        params: grantParams,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['mode'],
          properties: {
            mode: { $ref: 'GrantMode#' },
            expiresAt: { type: ['string', 'null'], format: 'date-time', description: 'When the access ends by itself; null or absent: never' },
          },
        },
        response: {
          200: { description: 'Changed', $ref: 'Grant#' },
          201: { description: 'Created', $ref: 'Grant#' },
          ...problems(
            'FORBIDDEN',
            'SERVICE_NOT_ACTIVE',
            'NOT_FOUND',
            'VENDOR_NOT_FOUND',
            'CANNOT_GRANT_SELF',
            'EXPIRES_AT_NOT_IN_FUTURE',
            { code: 'VALIDATION_FAILED', status: 422, errors: [{ field: 'expiresAt', code: 'DATE_INVALID', message: 'Not an RFC 3339 date-time' }] },
          ),
        },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      requireActiveService(db, caller.organisationId);
      const { grant, created } = putGrant(db, actorFor(caller), request.params.id, request.params.vendorId, request.body, now());
      return reply.code(created ? 201 : 200).send(grant);
    },
  );

  api.delete<{ Params: { id: string; vendorId: string } }>(
    '/machine-groups/:id/grants/:vendorId',
    {
      schema: {
        operationId: 'deleteGrant',
        summary: 'Remove a vendor\'s access to a machine group',
        description: '404 NOT_FOUND when the group does not exist or the vendor has no access to it.',
        tags: ['grants'],
        params: grantParams,
        response: { ...noContent, ...problems('FORBIDDEN', 'SERVICE_NOT_ACTIVE', { code: 'NOT_FOUND', title: 'This vendor has no access to the machine group' }) },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      requireActiveService(db, caller.organisationId);
      deleteGrant(db, actorFor(caller), request.params.id, request.params.vendorId, now());
      return reply.code(204).send();
    },
  );
}

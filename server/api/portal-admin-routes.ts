import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { actorFor } from '../domain/actor';
import { grantPortalAdmin, listPortalAdmins, revokePortalAdmin } from '../domain/portal-admins';
import { requireActiveService } from '../domain/remote-support-service';
import { callerWithRole } from '../http/authenticate';
import { conditionalGetHeaders, noContent, okList, problems } from './route-schemas';
import { sendWithEtag } from './http-caching';

const userIdParams = {
  type: 'object',
  additionalProperties: false,
  required: ['userId'],
  properties: { userId: { type: 'string', minLength: 1, maxLength: 100 } },
} as const;

/** Portal administrators: the guide says the rights can be delegated to others in the organisation. */
export function registerPortalAdminRoutes(api: FastifyInstance, { db, now }: ServerContext): void {
  api.get(
    '/portal-admins',
    {
      schema: {
        operationId: 'listPortalAdmins',
        summary: 'Your organisation\'s portal administrators',
        tags: ['portal admins'],
        headers: conditionalGetHeaders,
        response: { ...okList('User#'), ...problems('FORBIDDEN', 'SERVICE_NOT_ACTIVE') },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      requireActiveService(db, caller.organisationId);
      return sendWithEtag(request, reply, listPortalAdmins(db, caller.organisationId));
    },
  );

  api.put<{ Params: { userId: string } }>(
    '/portal-admins/:userId',
    {
      schema: {
        operationId: 'addPortalAdmin',
        summary: 'Delegate the portal-admin role to a user of your organisation',
        description: '201 when the user became an administrator, 200 when it already was.',
        tags: ['portal admins'],
        params: userIdParams,
        response: {
          200: { description: 'Already an administrator', $ref: 'User#' },
          201: { description: 'Delegated', $ref: 'User#' },
          ...problems('FORBIDDEN', 'SERVICE_NOT_ACTIVE', { code: 'NOT_FOUND', title: 'User not found' }, 'USER_DEACTIVATED'),
        },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      requireActiveService(db, caller.organisationId);
      const { user, created } = grantPortalAdmin(db, actorFor(caller), request.params.userId, now());
      return reply.code(created ? 201 : 200).send(user);
    },
  );

  api.delete<{ Params: { userId: string } }>(
    '/portal-admins/:userId',
    {
      schema: {
        operationId: 'removePortalAdmin',
        summary: 'Revoke a user\'s portal-admin role',
        description: '409 LAST_ADMIN for the organisation\'s last administrator; 404 NOT_FOUND when the user is not one.',
        tags: ['portal admins'],
        params: userIdParams,
        response: {
          ...noContent,
          ...problems('FORBIDDEN', 'SERVICE_NOT_ACTIVE', { code: 'NOT_FOUND', title: 'This user is not a portal administrator' }, 'LAST_ADMIN'),
        },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      requireActiveService(db, caller.organisationId);
      revokePortalAdmin(db, actorFor(caller), request.params.userId, now());
      return reply.code(204).send();
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { actorFor } from '../domain/actor';
import { getRemoteSupportService, requestActivation } from '../domain/remote-support-service';
import { callerWithRole } from '../http/authenticate';
import { conditionalGetHeaders, notModified, problems } from './route-schemas';
import { sendWithEtag } from './http-caching';

/** The remote-support service: its status and terms, and activation (the guide, chapter 1). */
export function registerServiceRoutes(api: FastifyInstance, { db, now, options }: ServerContext): void {
  api.get(
    '/services/remote-support',
    {
      schema: {
        operationId: 'getRemoteSupportService',
        summary: 'Remote-support status and the terms of use to accept',
        tags: ['service'],
        headers: conditionalGetHeaders,
        response: { 200: { description: 'OK', $ref: 'RemoteSupportService#' }, ...notModified, ...problems('FORBIDDEN') },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      return sendWithEtag(request, reply, getRemoteSupportService(db, caller.organisationId));
    },
  );

  api.post<{ Body: { acceptTerms: boolean; termsVersion: string } }>(
    '/services/remote-support/activation',
    {
      schema: {
        operationId: 'activateRemoteSupport',
        summary: 'Accept the terms and activate remote support',
        description:
          '202 with status "activating"; it becomes "active" once the portal\'s systems have synchronised. The default ' +
          'machine group "Maskiner" is created at once (pending). Asking again while activating changes nothing. ' +
          '409 ALREADY_ACTIVE; 422 TERMS_NOT_ACCEPTED, TERMS_VERSION_MISMATCH.',
        tags: ['service'],
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['acceptTerms', 'termsVersion'],
          properties: {
            acceptTerms: { type: 'boolean', description: 'Must be true: "Jeg aksepterer bruksvilkårene for fjernhjelp-tjenesten"' },
            termsVersion: { type: 'string', minLength: 1, maxLength: 100, description: 'The version of the terms the user read' },
          },
        },
        response: {
          202: { description: 'Activation started', $ref: 'RemoteSupportService#' },
          ...problems('FORBIDDEN', 'ALREADY_ACTIVE', 'TERMS_NOT_ACCEPTED', 'TERMS_VERSION_MISMATCH'),
        },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      const { service } = requestActivation(db, actorFor(caller), request.body, now(), options.activationDelayMs);
      return reply.code(202).send(service);
    },
  );
}

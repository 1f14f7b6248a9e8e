import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { actorFor } from '../domain/actor';
import { createMachineGroup, listMachineGroups, requireMachineGroup } from '../domain/machine-group-repository';
import { requireActiveService } from '../domain/remote-support-service';
import { callerWithRole } from '../http/authenticate';
import { problemResponses } from '../openapi/component-schemas';
import { conditionalGetHeaders, idParams, notModified, okList } from './route-schemas';
import { sendWithEtag } from './http-caching';

/** The organisation's own machine groups (the guide, chapters 2 and 3). */
export function registerMachineGroupRoutes(api: FastifyInstance, { db, now, options }: ServerContext): void {
  api.get(
    '/machine-groups',
    {
      schema: { summary: 'Your machine groups', tags: ['machine groups'], headers: conditionalGetHeaders, response: okList('MachineGroup#') },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      requireActiveService(db, caller.organisationId);
      return sendWithEtag(request, reply, listMachineGroups(db, caller.organisationId));
    },
  );

  api.post<{ Body: { name: string } }>(
    '/machine-groups',
    {
      schema: {
        summary: 'Create a machine group',
        description:
          'The name is trimmed and NFC-normalised. 422 NAME_REQUIRED, NAME_INVALID_CHARACTERS (invisible, control or ' +
          'direction-changing characters), NAME_TOO_LONG (organisation prefix + name over 60 characters); 409 NAME_TAKEN ' +
          '(the same name ignoring case and look-alike letters: the UTS #39 skeleton of its case-folded form).',
        tags: ['machine groups'],
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['name'],
          properties: { name: { type: 'string', maxLength: 1000 } },
        },
        response: { 201: { description: 'Created, syncState pending', $ref: 'MachineGroup#' }, ...problemResponses },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      requireActiveService(db, caller.organisationId);
      const group = createMachineGroup(db, actorFor(caller), request.body.name, now(), options.groupSyncDelayMs);
      return reply.code(201).header('Location', `/api/v1/machine-groups/${group.id}`).send(group);
    },
  );

  api.get<{ Params: { id: string } }>(
    '/machine-groups/:id',
    {
      schema: {
        summary: 'One of your machine groups',
        tags: ['machine groups'],
        params: idParams,
        headers: conditionalGetHeaders,
        response: { 200: { description: 'OK', $ref: 'MachineGroup#' }, ...notModified, ...problemResponses },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      requireActiveService(db, caller.organisationId);
      return sendWithEtag(request, reply, requireMachineGroup(db, caller.organisationId, request.params.id));
    },
  );
}

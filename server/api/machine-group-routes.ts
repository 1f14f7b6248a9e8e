import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { actorFor } from '../domain/actor';
import { deleteMachineGroup, renameMachineGroup } from '../domain/machine-group-changes';
import { createMachineGroup, listMachineGroups, requireMachineGroup } from '../domain/machine-group-repository';
import { requireActiveService } from '../domain/remote-support-service';
import { callerWithRole } from '../http/authenticate';
import { ifMatchHeaders, versionEtag } from '../http/if-match';
import { conditionalGetHeaders, idParams, noContent, notModified, okList, problems } from './route-schemas';
import { sendWithEtag } from './http-caching';

const NAME_RULES =
  'Allowed: letters of any alphabet (æøå and the Sámi letters included), the digits 0-9, space, "-", "_" and ".". ' +
  '422 NAME_REQUIRED, NAME_INVALID_CHARACTERS (any other character: the message names the first), NAME_TOO_LONG ' +
  '(organisation prefix + name over 60 characters); 409 NAME_TAKEN (the same name as another group ignoring case and ' +
  'look-alike letters: the UTS #39 skeleton of its case-folded form).';

/** What a new name can be refused with: the shared name rules (422) and another group's name (409). */
const NAME_PROBLEMS = ['NAME_REQUIRED', 'NAME_INVALID_CHARACTERS', 'NAME_TOO_LONG', 'NAME_TAKEN'] as const;

const nameBody = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: { name: { type: 'string', maxLength: 1000 } },
} as const;

/** The organisation's own machine groups (the guide, chapters 2 and 3). */
export function registerMachineGroupRoutes(api: FastifyInstance, { db, now, options }: ServerContext): void {
  api.get(
    '/machine-groups',
    {
      schema: {
        operationId: 'listMachineGroups',
        summary: 'Your machine groups',
        tags: ['machine groups'],
        headers: conditionalGetHeaders,
        response: { ...okList('MachineGroup#'), ...problems('FORBIDDEN', 'SERVICE_NOT_ACTIVE') },
      },
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
        operationId: 'createMachineGroup',
        summary: 'Create a machine group',
        description:
          `The name is trimmed and NFC-normalised. ${NAME_RULES}`,
        tags: ['machine groups'],
        body: nameBody,
        response: { 201: { description: 'Created, syncState pending', $ref: 'MachineGroup#' }, ...problems('FORBIDDEN', 'SERVICE_NOT_ACTIVE', ...NAME_PROBLEMS) },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      requireActiveService(db, caller.organisationId);
      const group = createMachineGroup(db, actorFor(caller), request.body.name, now(), options.groupSyncDelayMs);
      return reply.code(201).headers({ Location: `/api/v1/machine-groups/${group.id}`, ETag: versionEtag(group.version) }).send(group);
    },
  );

  api.get<{ Params: { id: string } }>(
    '/machine-groups/:id',
    {
      schema: {
        operationId: 'getMachineGroup',
        summary: 'One of your machine groups, with its ETag',
        tags: ['machine groups'],
        params: idParams,
        headers: conditionalGetHeaders,
        response: { 200: { description: 'OK', $ref: 'MachineGroup#' }, ...notModified, ...problems('FORBIDDEN', 'SERVICE_NOT_ACTIVE', 'NOT_FOUND') },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      requireActiveService(db, caller.organisationId);
      const group = requireMachineGroup(db, caller.organisationId, request.params.id);
      return sendWithEtag(request, reply, group, versionEtag(group.version));
    },
  );

  api.patch<{ Params: { id: string }; Body: { name: string }; Headers: { 'if-match'?: string } }>(
    '/machine-groups/:id',
    {
      schema: {
        operationId: 'renameMachineGroup',
        summary: 'Rename a machine group ("Gi nytt navn")',
        description:
          'Needs If-Match with the group\'s ETag: 428 PRECONDITION_REQUIRED without it, 412 PRECONDITION_FAILED when stale. ' +
          `${NAME_RULES} Vendors see the new full name; their grants on the group get a new version so their feed carries it. ` +
          'Audited as machineGroup.renamed with the name before and after. 404 NOT_FOUND for another organisation\'s group.',
        tags: ['machine groups'],
        params: idParams,
        headers: ifMatchHeaders,
        body: nameBody,
        response: {
          200: { description: 'Renamed (or already so named)', $ref: 'MachineGroup#' },
          ...problems('FORBIDDEN', 'SERVICE_NOT_ACTIVE', 'NOT_FOUND', 'PRECONDITION_REQUIRED', 'PRECONDITION_FAILED', ...NAME_PROBLEMS),
        },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      requireActiveService(db, caller.organisationId);
      const group = renameMachineGroup(db, actorFor(caller), request.params.id, request.headers['if-match'], request.body.name, now());
      return reply.header('ETag', versionEtag(group.version)).send(group);
    },
  );

  api.delete<{ Params: { id: string }; Headers: { 'if-match'?: string } }>(
    '/machine-groups/:id',
    {
      schema: {
        operationId: 'deleteMachineGroup',
        summary: 'Delete a machine group ("Slett gruppen")',
        description:
          'Needs If-Match with the group\'s ETag (428/412 as for PATCH). Only a group no vendor has access to: 409 VENDORS_HAVE_ACCESS ' +
          '(field `grants`) while any grant exists on it. The default group (isDefault, "Maskiner") is never deleted: 409 DEFAULT_GROUP. ' +
          'Audited as machineGroup.deleted; a tombstone in the sync feed. 404 NOT_FOUND for another organisation\'s group.',
        tags: ['machine groups'],
        params: idParams,
        headers: ifMatchHeaders,
        response: {
          ...noContent,
          ...problems('FORBIDDEN', 'SERVICE_NOT_ACTIVE', 'NOT_FOUND', 'PRECONDITION_REQUIRED', 'PRECONDITION_FAILED', 'DEFAULT_GROUP', 'VENDORS_HAVE_ACCESS'),
        },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      requireActiveService(db, caller.organisationId);
      deleteMachineGroup(db, actorFor(caller), request.params.id, request.headers['if-match'], now());
      return reply.code(204).send();
    },
  );
}

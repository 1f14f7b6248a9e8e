import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { actorFor } from '../domain/actor';
import { requireMachineGroup } from '../domain/machine-group-repository';
import { listEngineFindings, listGroupDevices } from '../engine/engine-read-model';
import { callerWithRole } from '../http/authenticate';
import { sendWithEtag } from './http-caching';
import { conditionalGetHeaders, idParams, noContent, ok, okList, problems } from './route-schemas';

/** The remote-support system behind the portal: its status, the machines in a group, and drift to remove. */
export function registerEngineRoutes(api: FastifyInstance, { db, engine }: ServerContext): void {
  api.get(
    '/engine',
    {
      schema: {
        operationId: 'getEngineStatus',
        summary: 'The remote-support system the portal drives, and how it is doing',
        tags: ['engine'],
        response: { ...ok({ $ref: 'EngineStatus#' }), ...problems('FORBIDDEN') },
      },
    },
    async (request) => {
      callerWithRole(request, 'portal-admin');
      return engine.status();
    },
  );

  api.get<{ Params: { id: string } }>(
    '/machine-groups/:id/devices',
    {
      schema: {
        operationId: 'listMachineGroupDevices',
        summary: 'The machines the remote-support system has in one of your groups',
        tags: ['engine'],
        params: idParams,
        headers: conditionalGetHeaders,
        response: { ...okList('GroupDevice#'), ...problems('FORBIDDEN', 'NOT_FOUND') },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      requireMachineGroup(db, caller.organisationId, request.params.id);
      return sendWithEtag(request, reply, listGroupDevices(db, caller.organisationId, request.params.id));
    },
  );

  api.get(
    '/engine/findings',
    {
      schema: {
        operationId: 'listEngineFindings',
        summary: 'Access to your groups in the remote-support system that was not given through the portal',
        tags: ['engine'],
        headers: conditionalGetHeaders,
        response: { ...okList('EngineFinding#'), ...problems('FORBIDDEN') },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      return sendWithEtag(request, reply, listEngineFindings(db, caller.organisationId));
    },
  );

  api.delete<{ Params: { id: string } }>(
    '/engine/findings/:id',
    {
      schema: {
        operationId: 'removeEngineFinding',
        summary: 'Remove access found in the remote-support system (after the administrator confirmed it)',
        description: 'Answers 503 ENGINE_UNAVAILABLE when the system cannot be reached: nothing was removed.',
        tags: ['engine'],
        params: idParams,
        response: { ...noContent, ...problems('FORBIDDEN', { code: 'NOT_FOUND', title: 'Finding not found' }, 'ENGINE_UNAVAILABLE') },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      await engine.removeFinding(actorFor(caller), request.params.id);
      return reply.code(204).send();
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { SESSION_KINDS, type SessionKind } from '../engine/remote-support-engine';
import { listRemoteSessions, sessionCursor } from '../engine/session-read-model';
import { callerWithRole } from '../http/authenticate';
import { Problem } from '../http/problem';
import { sendWithEtag } from './http-caching';
import { conditionalGetHeaders, okList, problems } from './route-schemas';

interface SessionQuery {
  groupId?: string;
  vendorId?: string;
  userId?: string;
  kind?: SessionKind;
  from?: string;
  to?: string;
  after?: string;
  limit?: number;
}

const id = (description: string) => ({ type: 'string', minLength: 1, maxLength: 100, description }) as const;
const TO_NOT_AFTER_FROM = { field: 'to', code: 'TO_NOT_AFTER_FROM', message: '`to` must be later than `from`' } as const;
const UNKNOWN_SESSION = { field: 'after', code: 'UNKNOWN_SESSION', message: 'No session you see has this id' } as const;

/**
 * The remote-support sessions the organisation sees, as the engine logged them (server/engine/record-sessions.ts):
 * those on its machine groups, and those of its own technicians on other organisations' groups (a vendor answers
 * for its technicians); nobody else sees a session. Oldest first, filtered, one page at a time. Not gated on the
 * service being active: the sessions are evidence and stay readable.
 */
export function registerRemoteSessionRoutes(api: FastifyInstance, { db }: ServerContext): void {
  api.get<{ Querystring: SessionQuery }>(
    '/remote-sessions',
    {
      schema: {
        operationId: 'listRemoteSessions',
        summary: "Remote-support sessions on your machine groups, and your own technicians' sessions on other organisations' groups",
        description:
          'Who connected to which machine, when, how, and whether the person there was asked. A session is shown to the owning ' +
          "organisation and the technician's vendor organisation, and to nobody else; `ownerId` says whose machine group it was on. " +
          'In start order (then id). `from` and `to` select sessions that started in [from, to). Page with `after`: the id of the last ' +
          'session of the previous page (422 VALIDATION_FAILED, field `after` UNKNOWN_SESSION, when it is not one you see). ' +
          'The same sessions are in GET /sync as remoteSession.',
        tags: ['sessions'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            groupId: id('A machine group: one of yours, or one your technicians connected to'),
            vendorId: id('The vendor organisation of the user who connected'),
            userId: id('The portal user who connected'),
            kind: { type: 'string', enum: [...SESSION_KINDS] },
            from: { type: 'string', format: 'date-time', description: 'Sessions that started at or after this instant' },
            to: { type: 'string', format: 'date-time', description: 'Sessions that started before this instant' },
            after: id('The id of the last session of the previous page'),
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
          },
        },
        headers: conditionalGetHeaders,
        response: {
          ...okList('RemoteSession#'),
          ...problems('FORBIDDEN', { code: 'VALIDATION_FAILED', status: 422, errors: [TO_NOT_AFTER_FROM, UNKNOWN_SESSION] }),
        },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      const { groupId, vendorId, userId, kind, after, limit } = request.query;
      const from = request.query.from === undefined ? undefined : new Date(request.query.from).toISOString();
      const to = request.query.to === undefined ? undefined : new Date(request.query.to).toISOString();
      if (from !== undefined && to !== undefined && to <= from) throw new Problem(422, 'VALIDATION_FAILED', 'The request is not valid', [TO_NOT_AFTER_FROM]);
      const cursor = after === undefined ? undefined : sessionCursor(db, caller.organisationId, after);
      if (after !== undefined && cursor === undefined) throw new Problem(422, 'VALIDATION_FAILED', 'The request is not valid', [UNKNOWN_SESSION]);
      const sessions = listRemoteSessions(db, caller.organisationId, { groupId, vendorId, userId, kind, from, to, after: cursor, limit: limit ?? 100 });
      return sendWithEtag(request, reply, sessions);
    },
  );
}

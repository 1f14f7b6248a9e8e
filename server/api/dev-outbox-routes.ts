import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database';
import { listOutbox } from '../domain/outbox';

/**
 * GET /dev/outbox: the e-mails and SMS the portal would have sent, for tests. Registered only with
 * --dev-tokens (never in demo or production): an SMS body holds a one-time password in clear.
 */
export function registerDevOutbox(app: FastifyInstance, db: Db): void {
  app.get<{ Querystring: { userId?: string } }>(
    '/dev/outbox',
    {
      schema: {
        hide: true,
        querystring: { type: 'object', additionalProperties: false, properties: { userId: { type: 'string', minLength: 1 } } },
      },
    },
    async (request) => listOutbox(db, request.query.userId),
  );
}

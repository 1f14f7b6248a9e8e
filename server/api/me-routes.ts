import type { FastifyInstance } from 'fastify';
import { organisationPrefix } from '../../common/validation/organisation-prefix';
import type { ServerContext } from '../context';
import { requireOrganisation } from '../domain/organisation-repository';
import { getUserRow } from '../domain/user-repository';
import { Problem } from '../http/problem';
import { ok } from './route-schemas';

/** GET /me: who is signed in, in which organisation, with which roles. Any role may ask. */
export function registerMeRoutes(api: FastifyInstance, { db }: ServerContext): void {
  // Any role may ask, so it answers no 403: its one problem, 401, is the framework's (frameworkProblems).
  const schema = { operationId: 'getMe', summary: 'The signed-in user, organisation and roles', tags: ['me'], response: ok({ $ref: 'Me#' }) };
  api.get('/me', { schema }, async (request) => {
    const principal = request.principal;
    const row = principal && getUserRow(db, principal.userId);
    if (!principal || !row) throw new Problem(401, 'UNAUTHENTICATED', 'An access token is required');
    const organisation = requireOrganisation(db, principal.organisationId);
    return {
      user: { id: row.id, username: row.username, firstName: row.first_name, lastName: row.last_name, email: row.email },
      organisation: { id: organisation.id, name: organisation.name, prefix: organisationPrefix(organisation.name) },
      roles: principal.roles,
    };
  });
}

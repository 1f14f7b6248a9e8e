import type { FastifyRequest } from 'fastify';
import type { Principal, Role } from '../auth/principal';
import { callerWithRole } from '../http/authenticate';
import { Problem } from '../http/problem';

/** The caller, who must hold at least one of `roles`; 401 without a caller, 403 without the role. */
export function callerWithAnyRole(request: FastifyRequest, roles: [Role, ...Role[]]): Principal {
  const principal = request.principal;
  if (!principal) return callerWithRole(request, roles[0]);
  if (roles.some((role) => principal.roles.includes(role))) return principal;
  throw new Problem(403, 'FORBIDDEN', `This requires one of the roles ${roles.join(', ')}`);
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal, Role } from '../auth/principal';
import type { AccessTokenVerifier } from '../auth/token-verifier';
import { Problem } from './problem';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | undefined;
  }
}

const unauthorized = (description: string): Problem =>
  new Problem(401, 'UNAUTHENTICATED', description, undefined, {
    'WWW-Authenticate': `Bearer realm="portal", error="invalid_token", error_description="${description}"`,
  });

/** Every route in the scope this is added to requires a valid access token. */
export function requireAuthentication(app: FastifyInstance, verifiers: AccessTokenVerifier[]): void {
  app.decorateRequest('principal', undefined);
  app.addHook('onRequest', async (request) => {
    for (const verifier of verifiers) {
      const principal = await verifier.verify(request);
      if (principal === undefined) continue;
      if (principal === null) throw unauthorized('The access token is invalid or expired');
      request.principal = principal;
      return;
    }
    throw unauthorized('An access token is required');
  });
}

/** The authenticated caller, with the role the route needs; 403 otherwise. */
export function callerWithRole(request: FastifyRequest, role: Role): Principal {
  const principal = request.principal;
  if (!principal) throw unauthorized('An access token is required');
  if (!principal.roles.includes(role)) throw new Problem(403, 'FORBIDDEN', `This requires the ${role} role`);
  return principal;
}

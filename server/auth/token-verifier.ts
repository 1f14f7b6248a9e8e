import type { FastifyRequest } from 'fastify';
import type { Principal } from './principal';

/**
 * Turns a request's credentials (Authorization, and DPoP where the token is bound) into a principal.
 * Verifiers are tried in order; the first that recognises the token decides.
 */
export interface AccessTokenVerifier {
  /** undefined: not this verifier's token; null: its token, but invalid or expired. */
  verify(request: FastifyRequest): Promise<Principal | null | undefined>;
}

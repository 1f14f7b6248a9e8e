import type Provider from 'oidc-provider';
import { principalForUser } from '../auth/principal';
import type { AccessTokenVerifier } from '../auth/token-verifier';
import type { Db } from '../db/database';
import { API_SCOPE } from './accounts';
import { verifyDpopProof } from './dpop-proof';
import { ADMIN_APP_CLIENT_ID } from './provider';

const AUTHORIZATION = /^(Bearer|DPoP) +([A-Za-z0-9\-._~+/]+=*)$/i;

/**
 * Accepts the provider's access tokens at the API. They are opaque and looked up in the provider's
 * store, so revoking a grant (logout, refresh token reuse) takes effect on the next request. A token
 * bound to a DPoP key (`jkt`) must come with the DPoP scheme and a fresh, matching proof; an unbound
 * one only with Bearer. Register it last: it claims every Bearer/DPoP token the verifiers before it
 * did not recognise.
 */
export function createOidcAccessTokenVerifier(deps: {
  db: Db;
  provider: () => Provider | undefined;
  baseUrl: () => string;
}): AccessTokenVerifier {
  return {
    async verify(request) {
      const match = AUTHORIZATION.exec(request.headers.authorization ?? '');
      const provider = deps.provider();
      if (!match || !provider) return undefined;
      const scheme = match[1]!.toLowerCase();
      const value = match[2]!;

      const token = await provider.AccessToken.find(value);
      if (!token || token.clientId !== ADMIN_APP_CLIENT_ID || !token.scopes.has(API_SCOPE)) return null;
      if (!(await provider.Grant.find(token.grantId))) return null;

      const jkt = (token as { jkt?: string }).jkt;
      if (jkt) {
        const proof = request.headers['dpop'];
        if (scheme !== 'dpop' || typeof proof !== 'string') return null;
        const path = request.url.split('?')[0] ?? '/';
        const check = await verifyDpopProof({
          proof,
          method: request.method,
          url: `${deps.baseUrl()}${path}`,
          accessToken: value,
          expectedJkt: jkt,
          // Protocol time, like oidc-provider's own: not the server's injectable business clock.
          now: new Date(),
          isFirstUse: (jti, keyThumbprint, expiresAt) => provider.ReplayDetection.unique(`dpop-api:${keyThumbprint}`, jti, expiresAt),
        });
        if (!check.ok) {
          request.log.info({ reason: check.reason }, 'DPoP proof refused');
          return null;
        }
      } else if (scheme !== 'bearer') {
        return null;
      }
      return principalForUser(deps.db, token.accountId) ?? null;
    },
  };
}

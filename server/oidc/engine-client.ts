import type { ClientMetadata } from 'oidc-provider';
import { principalForUser } from '../auth/principal';
import type { Db } from '../db/database';
import { checkEngineSignIn, type EngineConfig, type EngineSignIn } from '../engine/engine-config';

/**
 * The remote-support engine (MeshCentral) as a confidential client of the provider: MeshCentral's `oidc`
 * strategy signs a remote-support user in here and makes (or finds) the account `user//~oidc:<sub>`,
 * which the reconciler puts into the user groups of the user's grants. MeshCentral creates an account for
 * anyone the provider vouches for (newAccounts for the strategy), so who may use this client is decided
 * here, on the server, and nowhere else: an active remote-support user (principalForUser has no principal
 * for a deactivated one), whatever other roles they have.
 */

/**
 * Who the user is, with name and e-mail for MeshCentral's account (without `email` MeshCentral stores the
 * account with `email: null`); never `portal` (the API) or a refresh token.
 */
export const ENGINE_CLIENT_SCOPES = ['openid', 'profile', 'email'] as const;

export function engineSignInOf(config: EngineConfig): EngineSignIn | undefined {
  return config.kind === 'meshcentral' ? config.signIn : undefined;
}

export function engineClientMetadata(signIn: EngineSignIn): ClientMetadata {
  const checked = checkEngineSignIn(signIn);
  return {
    client_id: checked.clientId,
    client_secret: checked.clientSecret,
    client_name: 'Fjernhjelp (MeshCentral)',
    application_type: 'web',
    token_endpoint_auth_method: 'client_secret_basic',
    grant_types: ['authorization_code'],
    response_types: ['code'],
    redirect_uris: [checked.redirectUri],
    scope: ENGINE_CLIENT_SCOPES.join(' '),
  };
}

/** Whether `userId` may sign in to the engine: an active remote-support user. */
export function mayUseEngine(db: Db, userId: string): boolean {
  return principalForUser(db, userId)?.roles.includes('remote-support-user') ?? false;
}

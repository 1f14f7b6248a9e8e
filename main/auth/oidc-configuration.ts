import * as client from 'openid-client';
import { PortalError } from '../ipc/portal-error';
import { isLoopbackUrl, type Profile } from './profile';

const DISCOVERY_TIMEOUT_S = 10;
/** Every later request through the configuration (token, PAR, revocation, API) times out after this. */
export const REQUEST_TIMEOUT_S = 15;

/**
 * Discovers the issuer. Plain http is allowed only for an issuer on this machine (the embedded demo
 * portal); a profile with a remote http issuer cannot exist (see profileSchema).
 */
export async function discoverIssuer(profile: Profile): Promise<client.Configuration> {
  const issuer = new URL(profile.issuer);
  const insecure = issuer.protocol === 'http:' && isLoopbackUrl(issuer);
  try {
    const config = await client.discovery(issuer, profile.clientId, { token_endpoint_auth_method: 'none' }, client.None(), {
      timeout: DISCOVERY_TIMEOUT_S,
      ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
    });
    config.timeout = REQUEST_TIMEOUT_S;
    return config;
  } catch (error) {
    throw new PortalError('OFFLINE', `Could not reach the sign-in service at ${profile.issuer}: ${describe(error)}`);
  }
}

export function supportsDpop(config: client.Configuration): boolean {
  return (config.serverMetadata().dpop_signing_alg_values_supported ?? []).includes('ES256');
}

export function supportsPar(config: client.Configuration): boolean {
  return typeof config.serverMetadata().pushed_authorization_request_endpoint === 'string';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

import Provider, { interactionPolicy, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { Db } from '../db/database';
import type { EngineSignIn } from '../engine/engine-config';
import { createFindAccount, SCOPE_CLAIMS, SUPPORTED_SCOPES } from './accounts';
import { engineClientMetadata } from './engine-client';
import { loadOrCreateOidcKeys } from './key-store';
import { errorPage, loggedOutPage, logoutPage, pageHeaders } from './login-pages';
import { createSqliteAdapter } from './sqlite-adapter';

/** The desktop app, a public native client (RFC 8252). The other client is the engine's (engine-client.ts). */
export const ADMIN_APP_CLIENT_ID = 'fjernhjelp-admin';
/** Registered once without a port; oidc-provider accepts any port for a native client's loopback URI (RFC 8252 §7.3). */
export const ADMIN_APP_REDIRECT_URI = 'http://127.0.0.1/callback';
export const OIDC_MOUNT_PATH = '/oidc';

const MINUTE = 60;
const DAY = 24 * 60 * MINUTE;
/** A refresh token lives 14 days from its last use, and a grant at most 30 days from the sign-in. */
const REFRESH_TOKEN_IDLE = 14 * DAY;
const SIGN_IN_MAX_AGE = 30 * DAY;

export function createOidcProvider(input: {
  issuer: string;
  db: Db;
  now: () => Date;
  /** The engine's confidential client, when remote-support users sign in to the engine through the portal. */
  engineSignIn?: EngineSignIn | undefined;
  /** After the provider issued tokens to the engine's client: the engine has (or is making) the user's account. */
  onEngineSignIn?: () => void;
}): Provider {
  const { issuer, db, now } = input;
  const keys = loadOrCreateOidcKeys(db, now);
  const engineClient = input.engineSignIn ? engineClientMetadata(input.engineSignIn) : undefined;
  if (engineClient?.client_id === ADMIN_APP_CLIENT_ID) throw new Error(`The engine's sign-in client id must not be ${ADMIN_APP_CLIENT_ID}`);

  const configuration: Configuration = {
    adapter: createSqliteAdapter(db),
    clients: [
      {
        client_id: ADMIN_APP_CLIENT_ID,
        client_name: 'Fjernhjelp Admin',
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [ADMIN_APP_REDIRECT_URI],
        scope: SUPPORTED_SCOPES.join(' '),
      },
      ...(engineClient ? [engineClient] : []),
    ],
    jwks: { keys: keys.signing as NonNullable<Configuration['jwks']>['keys'] },
    cookies: { keys: keys.cookie, long: { httpOnly: true, sameSite: 'lax' }, short: { httpOnly: true, sameSite: 'lax' } },
    claims: { ...SCOPE_CLAIMS, auth_time: null, sid: null, iss: null } as unknown as Configuration['claims'],
    scopes: [...SUPPORTED_SCOPES],
    responseTypes: ['code'],
    // Profile and portal claims go in the ID token too: the app reads the name and organisation from it.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      dPoP: { enabled: true },
      pushedAuthorizationRequests: { enabled: true, requirePushedAuthorizationRequests: false },
      revocation: {
        enabled: true,
        // A public client may revoke only its own tokens.
        allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId,
      },
      // The API scope is an OpenID scope with claims (see SCOPE_CLAIMS), so no resource indicators are needed.
      resourceIndicators: { enabled: false },
      // The app's "Logg ut" ends the browser's session here too (RP-Initiated Logout 1.0): a sign-in is
      // never taken from that session (signInEveryTime), but a shared PC should not keep it either.
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
          ctx.set(pageHeaders());
          ctx.type = 'html';
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: async (ctx: KoaContextWithOIDC) => {
          ctx.set(pageHeaders());
          ctx.type = 'html';
          ctx.body = loggedOutPage();
        },
      },
      userinfo: { enabled: true },
    },
    rotateRefreshToken: true,
    // A first-party native app gets a refresh token without having to send prompt=consent with offline_access.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // Tokens outlive the browser's sign-in session: the app keeps its session through the refresh token.
    expiresWithSession: async () => false,
    findAccount: createFindAccount(db, engineClient?.client_id) as Configuration['findAccount'],
    interactions: {
      policy: signInEveryTime(engineClient?.client_id),
      url: async (_ctx, interaction) => `${OIDC_MOUNT_PATH}/interaction/${interaction.uid}`,
    },
    clientBasedCORS: () => false,
    ttl: {
      AccessToken: 15 * MINUTE,
      AuthorizationCode: MINUTE,
      IdToken: 15 * MINUTE,
      Interaction: 30 * MINUTE,
      Session: 8 * 60 * MINUTE,
      Grant: SIGN_IN_MAX_AGE,
      RefreshToken: (_ctx, token) => {
        const signedInAt = token.iiat ?? token.iat;
        const remaining = signedInAt + SIGN_IN_MAX_AGE - Math.floor(Date.now() / 1000);
        return Math.max(1, Math.min(REFRESH_TOKEN_IDLE, remaining));
      },
      ClientCredentials: 10 * MINUTE,
      DeviceCode: 10 * MINUTE,
      BackchannelAuthenticationRequest: 10 * MINUTE,
      PreAuthorizedCode: 10 * MINUTE,
    },
    renderError: async (ctx: KoaContextWithOIDC, out) => {
      ctx.set(pageHeaders());
      ctx.type = 'html';
      ctx.body = errorPage(
        { nb: 'Noe gikk galt. Gå tilbake til appen og prøv å logge inn på nytt.', en: 'Something went wrong. Go back to the app and try to sign in again.' },
        [out.error, out.error_description].filter(Boolean).join(': '),
      );
    },
  };

  const provider = new Provider(issuer, configuration);
  // Errors in the provider's own pipeline are answered as OAuth errors; only unexpected ones are logged,
  // with the message only (a request may carry codes or tokens).
  provider.on('server_error', (_ctx, error: Error) => {
    console.error(`oidc-provider server_error: ${error.message}`);
  });
  const onEngineSignIn = input.onEngineSignIn;
  if (engineClient && onEngineSignIn) {
    provider.on('grant.success', (ctx: KoaContextWithOIDC) => {
      if (ctx.oidc.client?.clientId === engineClient.client_id) onEngineSignIn();
    });
  }
  return provider;
}

/**
 * oidc-provider's default policy, with one more login check first: a client that cannot prove who it is
 * (a public client such as the desktop app, whose loopback redirect any local process can listen on)
 * never gets an authorization from the browser's session alone (RFC 8252 §8.6). The user signs in, with
 * both factors, in this very authorization request; prompt=none is answered login_required.
 * The engine's client too: who may use it (engine-client.ts) is checked at that sign-in, and a session
 * begun for the desktop app is no sign-in to the engine.
 */
function signInEveryTime(engineClientId: string | undefined): interactionPolicy.DefaultPolicy {
  const policy = interactionPolicy.base();
  const login = policy.get('login');
  if (!login) throw new Error("oidc-provider's base policy has no login prompt");
  login.checks.add(
    new interactionPolicy.Check('public_client_sign_in', 'a public client signs the user in for every authorization', 'login_required', (ctx) =>
      (ctx.oidc.client?.clientAuthMethod === 'none' || ctx.oidc.client?.clientId === engineClientId) && !ctx.oidc.result?.['login']
        ? interactionPolicy.Check.REQUEST_PROMPT
        : interactionPolicy.Check.NO_NEED_TO_PROMPT,
    ),
    0,
  );
  return policy;
}

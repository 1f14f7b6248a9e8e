import type { FastifyInstance } from 'fastify';
import type Provider from 'oidc-provider';
import { createLoginThrottle } from '../auth/login-throttle';
import { createSignIn } from '../auth/sign-in';
import type { AccessTokenVerifier } from '../auth/token-verifier';
import { currentTotp, TOTP_PERIOD_SECONDS } from '../auth/totp';
import { createReferenceYubikeyValidator } from '../auth/yubikey-validator';
import type { ServerContext } from '../context';
import { DEMO_ADMIN } from '../seed/demo-credentials';
import { createOidcAccessTokenVerifier } from './access-token-verifier';
import { engineSignInOf, mayUseEngine } from './engine-client';
import type { DemoCredentials } from './login-pages';
import { mountOidcProvider } from './mount';
import { createOidcProvider, OIDC_MOUNT_PATH } from './provider';
import { registerInteractionRoutes } from './interaction-routes';

export interface RegisteredOidc {
  /** Accepts the provider's access tokens at /api/v1; add it after any test-only verifier. */
  verifier: AccessTokenVerifier;
  /** Creates the provider once the server listens (the issuer contains the port). */
  start(): Provider;
}

/**
 * OpenID Connect under /oidc: routes are registered before listen and delegate to a provider created
 * by `start()` after listen, because the issuer URL contains the port chosen at listen time.
 */
export async function registerOidc(app: FastifyInstance, context: ServerContext): Promise<RegisteredOidc> {
  const { db, options } = context;
  let provider: Provider | undefined;

  const signIn = createSignIn({
    db,
    now: context.now,
    throttle: createLoginThrottle(db, context.now, options.loginFailureDelayMs),
    yubikey: options.yubikeyValidator ?? createReferenceYubikeyValidator(db, context.now),
  });
  const showDemo = options.showDemoCredentials && options.seed === 'demo';
  const demo = (): DemoCredentials | undefined => {
    if (!showDemo) return undefined;
    const now = context.now();
    return {
      username: DEMO_ADMIN.username,
      password: DEMO_ADMIN.password,
      currentCode: currentTotp(DEMO_ADMIN.totpSecret, now),
      secondsLeft: TOTP_PERIOD_SECONDS - (Math.floor(now.getTime() / 1000) % TOTP_PERIOD_SECONDS),
    };
  };

  const engineSignIn = engineSignInOf(options.engine);
  const mayUseClient = (clientId: string, userId: string): boolean => clientId !== engineSignIn?.clientId || mayUseEngine(db, userId);

  await registerInteractionRoutes(app, { provider: () => provider, signIn, demo, mayUseClient });
  await mountOidcProvider(app, () => provider);

  return {
    verifier: createOidcAccessTokenVerifier({ db, provider: () => provider, baseUrl: context.baseUrl }),
    start() {
      provider ??= createOidcProvider({
        issuer: `${context.baseUrl()}${OIDC_MOUNT_PATH}`,
        db,
        now: context.now,
        engineSignIn,
        onEngineSignIn: () => engineSignedIn(context),
      });
      return provider;
    },
  };
}

/**
 * MeshCentral makes the user's account only after it has the tokens and has called userinfo, so a reconcile
 * kicked as the tokens are issued may observe the engine just before the account exists: kick again once
 * the engine has had time to make it. (Repeating a reconcile is harmless; it compares states.)
 */
const ENGINE_ACCOUNT_SETTLE_MS = 2_000;

function engineSignedIn(context: ServerContext): void {
  context.engine.changed();
  setTimeout(() => context.engine.changed(), ENGINE_ACCOUNT_SETTLE_MS).unref();
}

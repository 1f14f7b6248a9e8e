import * as client from 'openid-client';
import { PortalError } from '../ipc/portal-error';
import type { Logger } from '../log/logger';
import { secretAccount, type SecretStore } from '../secrets/secret-store';
import { exportDpopKeyPair, importDpopKeyPair, newDpopKeyPair } from './dpop-key';
import { startLoopbackRedirect } from './loopback-redirect';
import { discoverIssuer, supportsDpop, supportsPar } from './oidc-configuration';
import type { Profile } from './profile';
import { parseStoredSession, serializeStoredSession } from './stored-session';

export const SCOPES = 'openid profile offline_access portal';

/** Which subject last signed in to a profile. Not a secret; it names the keychain entry to restore. */
export interface SubjectMemory {
  get(profileId: string): string | undefined;
  set(profileId: string, subject: string | undefined): void;
}

export interface SessionUser {
  subject: string;
  username: string | undefined;
  name: string | undefined;
}

export interface AuthSessionDeps {
  profile: Profile;
  secrets: SecretStore;
  subjects: SubjectMemory;
  /** Opens the URL in the user's system browser (never an embedded window, RFC 8252). */
  openBrowser: (url: string) => Promise<void>;
  logger: Logger;
  now?: () => Date;
  loginTimeoutMs?: number;
  /** Refresh this long before the access token expires. */
  refreshSkewMs?: number;
}

interface Tokens {
  accessToken: string;
  expiresAt: number;
  refreshToken: string;
}

/**
 * One signed-in profile. The access token lives only in this object's memory; the refresh token
 * (and the DPoP key it is bound to) only in the OS keychain, rotated on every refresh.
 */
export class AuthSession {
  readonly #deps: Required<AuthSessionDeps>;
  #config: client.Configuration | undefined;
  #dpopKeys: client.CryptoKeyPair | undefined;
  #dpop: client.DPoPHandle | undefined;
  #tokens: Tokens | undefined;
  #user: SessionUser | undefined;
  #refreshing: Promise<void> | undefined;

  constructor(deps: AuthSessionDeps) {
    this.#deps = { now: () => new Date(), loginTimeoutMs: 5 * 60_000, refreshSkewMs: 60_000, ...deps };
  }

  get user(): SessionUser | undefined {
    return this.#user;
  }

  /** Authorization code + PKCE S256 in the system browser, with PAR and DPoP when the issuer offers them. */
  async signIn(signal?: AbortSignal): Promise<SessionUser> {
    const config = await this.#configuration();
    const state = client.randomState();
    const verifier = client.randomPKCECodeVerifier();
    const loopback = await startLoopbackRedirect({ state, timeoutMs: this.#deps.loginTimeoutMs, ...(signal ? { signal } : {}) });
    try {
      const dpopKeys = supportsDpop(config) ? await newDpopKeyPair() : undefined;
      const dpop = dpopKeys ? client.getDPoPHandle(config, dpopKeys) : undefined;
      const parameters = {
        redirect_uri: loopback.redirectUri,
        scope: SCOPES,
        state,
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        // Always a fresh sign-in with both factors, whatever the browser remembers: "Logg inn" on a shared
        // PC must not reuse someone's session at the issuer (OpenID Connect Core §3.1.2.1).
        prompt: 'login',
      };
      const authorizationUrl = supportsPar(config)
        ? await client.buildAuthorizationUrlWithPAR(config, parameters, dpop ? { DPoP: dpop } : undefined)
        : client.buildAuthorizationUrl(config, parameters);
      await this.#deps.openBrowser(authorizationUrl.href);
      const callbackUrl = await loopback.callback;
      if (callbackUrl.searchParams.has('error')) {
        throw new PortalError('LOGIN_FAILED', `The sign-in service refused: ${callbackUrl.searchParams.get('error')}`);
      }
      const response = await client.authorizationCodeGrant(
        config,
        callbackUrl,
        { pkceCodeVerifier: verifier, expectedState: state, idTokenExpected: true },
        undefined,
        dpop ? { DPoP: dpop } : undefined,
      );
      this.#dpopKeys = dpopKeys;
      this.#dpop = dpop;
      const claims = response.claims();
      if (!claims) throw new PortalError('LOGIN_FAILED', 'The sign-in service returned no ID token');
      this.#user = {
        subject: claims.sub,
        username: typeof claims['preferred_username'] === 'string' ? claims['preferred_username'] : undefined,
        name: typeof claims['name'] === 'string' ? claims['name'] : undefined,
      };
      await this.#accept(response);
      this.#deps.subjects.set(this.#deps.profile.id, claims.sub);
      this.#deps.logger.info('auth.signed-in', { profile: this.#deps.profile.id, subject: claims.sub, dpop: !!dpop });
      return this.#user;
    } catch (error) {
      if (error instanceof PortalError) throw error;
      throw new PortalError('LOGIN_FAILED', `Sign-in failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      loopback.close();
    }
  }

  /**
   * Startup: a refresh token in the keychain restores the session without a browser. Offline, the
   * session is restored as it was (the cache can be reviewed) and refreshes once the portal answers.
   */
  async restore(): Promise<{ user: SessionUser; online: boolean } | undefined> {
    const subject = this.#deps.subjects.get(this.#deps.profile.id);
    if (!subject) return undefined;
    const stored = parseStoredSession(await this.#deps.secrets.get(this.#account(subject)));
    if (!stored) return undefined;
    this.#dpopKeys = stored.dpopKey ? await importDpopKeyPair(stored.dpopKey) : undefined;
    this.#dpop = undefined;
    this.#user = { subject, username: undefined, name: undefined };
    this.#tokens = { accessToken: '', expiresAt: 0, refreshToken: stored.refreshToken };
    try {
      await this.#refresh();
    } catch (error) {
      if (error instanceof PortalError && error.code === 'OFFLINE') {
        this.#deps.logger.info('auth.restored-offline', { profile: this.#deps.profile.id, subject });
        return { user: this.#user, online: false };
      }
      this.#user = undefined;
      if (error instanceof PortalError && error.code === 'SESSION_EXPIRED') return undefined;
      throw error;
    }
    this.#deps.logger.info('auth.restored', { profile: this.#deps.profile.id, subject });
    return { user: this.#user!, online: true };
  }

  /**
   * A request to the portal API with the current access token (and DPoP proof). Refreshes before
   * expiry, and once more on a 401; a second 401 ends the session with SESSION_EXPIRED.
   */
  async fetch(url: URL, method: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    if (!this.#tokens) throw new PortalError('NOT_SIGNED_IN', 'Not signed in');
    if (this.#tokens.expiresAt - this.#deps.refreshSkewMs <= this.#deps.now().getTime()) await this.#refresh();
    let response = await this.#send(url, method, body, headers);
    if (response.status === 401) {
      await this.#refresh();
      response = await this.#send(url, method, body, headers);
      if (response.status === 401) {
        await this.#forget();
        throw new PortalError('SESSION_EXPIRED', 'The portal no longer accepts this session: please log in again');
      }
    }
    return response;
  }

  /**
   * Revokes the refresh token at the issuer, then deletes it from the keychain even if revocation failed;
   * then ends the browser's session at the issuer too (RP-initiated logout), when the issuer offers it, so
   * the next person at this computer finds no portal session in the browser.
   */
  async signOut(): Promise<void> {
    const tokens = this.#tokens;
    if (tokens && this.#config) {
      try {
        await client.tokenRevocation(this.#config, tokens.refreshToken, { token_type_hint: 'refresh_token' });
      } catch (error) {
        this.#deps.logger.warn('auth.revoke-failed', { error: error instanceof Error ? error.message : String(error) });
      }
    }
    await this.#forget();
    this.#deps.logger.info('auth.signed-out', { profile: this.#deps.profile.id });
    if (tokens) await this.#endBrowserSession();
  }

  /**
   * Opens the issuer's end_session_endpoint in the system browser (OpenID Connect RP-Initiated Logout
   * 1.0) with the app's client_id. Not the ID token as id_token_hint: a GET puts it in the browser's
   * history, and on a shared PC the next person could read the name, organisation and roles in it. No
   * post_logout_redirect_uri: the app has no page to come back to, the issuer says it is done. An issuer
   * without the endpoint (or not reached in this session) leaves the local sign-out only.
   */
  async #endBrowserSession(): Promise<void> {
    // Only an issuer already discovered in this session: signing out offline must not wait on the network.
    const config = this.#config;
    if (!config || typeof config.serverMetadata().end_session_endpoint !== 'string') return;
    try {
      const url = client.buildEndSessionUrl(config, {});
      await this.#deps.openBrowser(url.href);
      this.#deps.logger.info('auth.end-session-opened', { profile: this.#deps.profile.id });
    } catch (error) {
      this.#deps.logger.warn('auth.end-session-failed', { error: error instanceof Error ? error.message : String(error) });
    }
  }

  async #send(url: URL, method: string, body: unknown, headers: Record<string, string>): Promise<Response> {
    const requestHeaders = new Headers(headers);
    let payload: string | undefined;
    if (body !== undefined) {
      requestHeaders.set('content-type', 'application/json');
      payload = JSON.stringify(body);
    }
    try {
      return await client.fetchProtectedResource(
        await this.#configuration(),
        this.#tokens!.accessToken,
        url,
        method,
        payload,
        requestHeaders,
        await this.#dpopOptions(),
      );
    } catch (error) {
      // openid-client throws on any response with a WWW-Authenticate challenge (the portal sends one
      // with every 401). It is the portal's answer, not a network failure: hand it back, so a 401
      // refreshes and retries and a second one ends the session, as fetch() intends.
      if (error instanceof client.WWWAuthenticateChallengeError) return error.response;
      throw error;
    }
  }

  /** Single-flight: concurrent callers share one refresh, so a rotated token is never used twice. */
  #refresh(): Promise<void> {
    this.#refreshing ??= this.#doRefresh().finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  async #doRefresh(): Promise<void> {
    const tokens = this.#tokens;
    if (!tokens) throw new PortalError('NOT_SIGNED_IN', 'Not signed in');
    const config = await this.#configuration();
    let response: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers;
    try {
      response = await client.refreshTokenGrant(config, tokens.refreshToken, undefined, await this.#dpopOptions());
    } catch (error) {
      if (error instanceof client.ResponseBodyError && error.error === 'invalid_grant') {
        await this.#forget();
        throw new PortalError('SESSION_EXPIRED', 'The session has ended: please log in again');
      }
      throw new PortalError('OFFLINE', `Could not refresh the session: ${error instanceof Error ? error.message : String(error)}`);
    }
    const claims = response.claims();
    if (claims && this.#user) {
      this.#user = {
        subject: this.#user.subject,
        username: typeof claims['preferred_username'] === 'string' ? claims['preferred_username'] : this.#user.username,
        name: typeof claims['name'] === 'string' ? claims['name'] : this.#user.name,
      };
    }
    await this.#accept(response);
  }

  async #accept(response: client.TokenEndpointResponse): Promise<void> {
    const refreshToken = response.refresh_token ?? this.#tokens?.refreshToken;
    if (!refreshToken) throw new PortalError('LOGIN_FAILED', 'The sign-in service issued no refresh token');
    const expiresIn = response.expires_in ?? 300;
    this.#tokens = { accessToken: response.access_token, expiresAt: this.#deps.now().getTime() + expiresIn * 1000, refreshToken };
    const subject = this.#user?.subject;
    if (!subject) throw new PortalError('LOGIN_FAILED', 'No subject for this session');
    await this.#deps.secrets.set(
      this.#account(subject),
      serializeStoredSession({
        refreshToken,
        subject,
        ...(this.#dpopKeys ? { dpopKey: await exportDpopKeyPair(this.#dpopKeys) } : {}),
      }),
    );
  }

  async #forget(): Promise<void> {
    const subject = this.#user?.subject ?? this.#deps.subjects.get(this.#deps.profile.id);
    this.#tokens = undefined;
    this.#user = undefined;
    this.#dpop = undefined;
    this.#dpopKeys = undefined;
    this.#deps.subjects.set(this.#deps.profile.id, undefined);
    if (subject) await this.#deps.secrets.delete(this.#account(subject));
  }

  /** The DPoP handle for the stored key pair, made once the issuer's configuration is known. */
  async #dpopOptions(): Promise<client.DPoPOptions | undefined> {
    if (!this.#dpopKeys) return undefined;
    this.#dpop ??= client.getDPoPHandle(await this.#configuration(), this.#dpopKeys);
    return { DPoP: this.#dpop };
  }

  async #configuration(): Promise<client.Configuration> {
    this.#config ??= await discoverIssuer(this.#deps.profile);
    return this.#config;
  }

  #account(subject: string): string {
    return secretAccount(this.#deps.profile.id, subject);
  }
}

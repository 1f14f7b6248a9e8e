import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

/**
 * The desktop app's side of the login, as a test plays it: PKCE S256, state, a loopback redirect
 * listener on a random port, PAR and DPoP when asked, and plain fetch for the token endpoint (RFC 8252).
 */
export interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  revocation_endpoint: string;
  pushed_authorization_request_endpoint: string;
  dpop_signing_alg_values_supported: string[];
  code_challenge_methods_supported: string[];
  [key: string]: unknown;
}

export interface TokenResponse {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  token_type: string;
  expires_in: number;
  scope?: string;
}

export const CLIENT_ID = 'fjernhjelp-admin';
export const SCOPE = 'openid profile offline_access portal';

const base64url = (bytes: Buffer): string => bytes.toString('base64url');

export class DpopKey {
  private constructor(
    private readonly privateKey: CryptoKey,
    readonly publicJwk: JWK,
  ) {}

  static async generate(): Promise<DpopKey> {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    return new DpopKey(privateKey, await exportJWK(publicKey));
  }

  async thumbprint(): Promise<string> {
    const { calculateJwkThumbprint } = await import('jose');
    return calculateJwkThumbprint(this.publicJwk, 'sha256');
  }

  /** A DPoP proof (RFC 9449 §4.2); `accessToken` adds ath for a resource request. */
  async proof(method: string, url: string, options: { accessToken?: string; iat?: number; jti?: string } = {}): Promise<string> {
    const claims: Record<string, unknown> = { htm: method, htu: url, jti: options.jti ?? randomUUID() };
    if (options.accessToken) claims['ath'] = base64url(createHash('sha256').update(options.accessToken).digest());
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: this.publicJwk })
      .setIssuedAt(options.iat ?? Math.floor(Date.now() / 1000))
      .sign(this.privateKey);
  }
}

export interface PendingLogin {
  authorizationUrl: string;
  redirectUri: string;
  /** Resolves with the query of the redirect the browser delivers to the loopback listener. */
  callback: Promise<URLSearchParams>;
  /** How many requests reached the listener's callback so far. */
  callbacksReceived(): number;
  finish(code: string): Promise<TokenResponse>;
  close(): Promise<void>;
}

export async function discover(issuer: string): Promise<Discovery> {
  const response = await fetch(`${issuer}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`discovery failed: ${response.status}`);
  return (await response.json()) as Discovery;
}

/** Starts a login: listener first (its port goes into redirect_uri), then the authorization URL. */
export async function beginLogin(
  discovery: Discovery,
  options: { par?: boolean; dpop?: DpopKey; scope?: string; prompt?: string } = {},
): Promise<PendingLogin> {
  const verifier = base64url(randomBytes(32));
  const challenge = base64url(createHash('sha256').update(verifier).digest());
  const state = base64url(randomBytes(16));
  const nonce = base64url(randomBytes(16));

  let resolveCallback!: (params: URLSearchParams) => void;
  let callbacksReceived = 0;
  const callback = new Promise<URLSearchParams>((resolve) => (resolveCallback = resolve));
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/callback') {
      response.writeHead(404).end();
      return;
    }
    callbacksReceived += 1;
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Done</title><p id="done">Du kan lukke vinduet.</p>');
    resolveCallback(url.searchParams);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`;

  const params = new URLSearchParams({
    client_id: CLIENT_ID,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: options.scope ?? SCOPE,
    state,
    nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...(options.prompt ? { prompt: options.prompt } : {}),
  });

  let authorizationUrl: string;
  if (options.par) {
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (options.dpop) headers['dpop'] = await options.dpop.proof('POST', discovery.pushed_authorization_request_endpoint);
    const response = await fetch(discovery.pushed_authorization_request_endpoint, { method: 'POST', headers, body: params });
    const body = (await response.json()) as { request_uri?: string; error?: string; error_description?: string };
    if (response.status !== 201 || !body.request_uri) throw new Error(`PAR failed: ${response.status} ${JSON.stringify(body)}`);
    authorizationUrl = `${discovery.authorization_endpoint}?${new URLSearchParams({ client_id: CLIENT_ID, request_uri: body.request_uri })}`;
  } else {
    authorizationUrl = `${discovery.authorization_endpoint}?${params}`;
  }

  return {
    authorizationUrl,
    redirectUri,
    callback: callback.then((query) => {
      if (query.get('state') !== state) throw new Error('state mismatch');
      return query;
    }),
    callbacksReceived: () => callbacksReceived,
    async finish(code) {
      const response = await tokenRequest(discovery, { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier }, options.dpop);
      if (!response.ok) throw new Error(`code exchange failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body as unknown as TokenResponse;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function tokenRequest(
  discovery: Discovery,
  form: Record<string, string>,
  dpop?: DpopKey,
): Promise<{ ok: boolean; status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (dpop) headers['dpop'] = await dpop.proof('POST', discovery.token_endpoint);
  const response = await fetch(discovery.token_endpoint, { method: 'POST', headers, body: new URLSearchParams({ client_id: CLIENT_ID, ...form }) });
  return { ok: response.ok, status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export function refresh(discovery: Discovery, refreshToken: string, dpop?: DpopKey) {
  return tokenRequest(discovery, { grant_type: 'refresh_token', refresh_token: refreshToken }, dpop);
}

export async function revoke(discovery: Discovery, token: string, hint = 'refresh_token'): Promise<number> {
  const response = await fetch(discovery.revocation_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: CLIENT_ID, token, token_type_hint: hint }),
  });
  return response.status;
}

/** GET an API path with the token, as Bearer or (with a key) as DPoP with a fresh proof. */
export async function callApi(
  baseUrl: string,
  path: string,
  accessToken: string,
  options: { dpop?: DpopKey; scheme?: 'Bearer' | 'DPoP'; proof?: string } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { authorization: `${options.scheme ?? (options.dpop ? 'DPoP' : 'Bearer')} ${accessToken}` };
  if (options.proof) headers['dpop'] = options.proof;
  else if (options.dpop) headers['dpop'] = await options.dpop.proof('GET', `${baseUrl}${path}`, { accessToken });
  const response = await fetch(`${baseUrl}${path}`, { headers });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** The payload of a JWT, unverified: for reading the ID token's claims in assertions. */
export function jwtClaims(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

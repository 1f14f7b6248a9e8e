import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';

export interface EngineCredentials {
  username: string;
  password: string;
}

/**
 * The engine's own sign-in through the portal's OpenID Connect provider: a confidential client, so that the
 * engine's accounts are the portal's remote-support users (one identity, one second factor) and no password
 * of ours is kept in the engine. MeshCentral: its `oidc` auth strategy, callback /auth-oidc-callback.
 */
export interface EngineSignIn {
  clientId: string;
  /** From the credentials file or the environment, never the command line. */
  clientSecret: string;
  /** https://… of the engine's callback; the only redirect the provider accepts for this client. */
  redirectUri: string;
}

export type EngineConfig =
  | { kind: 'none' }
  | {
      kind: 'meshcentral';
      /** wss://host:port of MeshCentral's control endpoint. */
      url: string;
      /** The SHA-384 of MeshCentral's TLS certificate, hex: the only certificate the adapter accepts. */
      certHash: string;
      credentials: EngineCredentials;
      /** How often the portal compares the engine with itself when nothing changed. Default 60 s. */
      reconcileIntervalMs?: number;
      /** Remote-support users sign in to the engine through the portal (see EngineSignIn). */
      signIn?: EngineSignIn;
    };

const credentialsSchema = z.object({ username: z.string().min(1).max(256), password: z.string().min(1).max(1024) }).strict();
/** The file may also hold the sign-in client's secret (see readEngineSignInSecret). */
const credentialsFileSchema = credentialsSchema.extend({ signInClientSecret: z.string().min(1).max(1024).optional() }).strict();
type CredentialsFile = z.infer<typeof credentialsFileSchema>;

export const CERT_HASH_PATTERN = /^[0-9a-f]{96}$/;

/** The errors name the file, never its content. */
function readCredentialsFile(file: string): CredentialsFile {
  let text: string;
  try {
    // Like ssh with a private key: a secret others on the machine can read is refused, not used.
    if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) {
      throw new Error(`--engine-credentials-file ${file} can be read by other users of this machine: make it readable by the portal only (chmod 600)`);
    }
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (!(error as NodeJS.ErrnoException).code) throw error;
    throw new Error(`--engine-credentials-file ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`--engine-credentials-file ${file} is not JSON: expected {"username": "…", "password": "…"}`);
  }
  const parsed = credentialsFileSchema.safeParse(json);
  if (!parsed.success) throw new Error(`--engine-credentials-file ${file} must hold exactly {"username": "…", "password": "…"} and optionally "signInClientSecret"`);
  return parsed.data;
}

/**
 * The engine's account from a JSON file (`{"username","password"}`, readable by the portal only) or from
 * FJERNHJELP_ENGINE_USERNAME / FJERNHJELP_ENGINE_PASSWORD: never from the command line, which other users of
 * the machine can read. The errors name the source, never its content.
 */
export function readEngineCredentials(file: string | undefined, env: NodeJS.ProcessEnv): EngineCredentials {
  if (file !== undefined) {
    const { username, password } = readCredentialsFile(file);
    return { username, password };
  }
  const username = env['FJERNHJELP_ENGINE_USERNAME'];
  const password = env['FJERNHJELP_ENGINE_PASSWORD'];
  if (!username || !password) {
    throw new Error('--engine meshcentral needs --engine-credentials-file or FJERNHJELP_ENGINE_USERNAME and FJERNHJELP_ENGINE_PASSWORD');
  }
  return credentialsSchema.parse({ username, password });
}

export function checkEngineUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`--engine-url must be a wss:// address, not ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== 'wss:') throw new Error('--engine-url must be a wss:// address: the engine is only spoken to over TLS');
  return parsed.origin;
}

export function checkCertHash(hash: string): string {
  const normalised = hash.replaceAll(':', '').toLowerCase();
  if (!CERT_HASH_PATTERN.test(normalised)) throw new Error('--engine-cert-hash must be the SHA-384 of the engine\'s certificate: 96 hex digits');
  return normalised;
}

export const DEFAULT_ENGINE_SIGN_IN_CLIENT_ID = 'fjernhjelp-engine';
const CLIENT_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
/** A secret the engine and the portal share: long enough that guessing it is hopeless (32 bytes, base64url). */
const MIN_CLIENT_SECRET_LENGTH = 43;

/**
 * The sign-in client's secret: `signInClientSecret` in the same credentials file as the engine's account, or
 * FJERNHJELP_ENGINE_SIGN_IN_CLIENT_SECRET. Like the engine's password it never comes from the command line.
 */
export function readEngineSignInSecret(file: string | undefined, env: NodeJS.ProcessEnv): string {
  const secret = file !== undefined ? readCredentialsFile(file).signInClientSecret : env['FJERNHJELP_ENGINE_SIGN_IN_CLIENT_SECRET'];
  if (!secret) {
    throw new Error('--engine-sign-in-redirect-uri needs "signInClientSecret" in --engine-credentials-file or FJERNHJELP_ENGINE_SIGN_IN_CLIENT_SECRET');
  }
  return secret;
}

/** The engine's sign-in client, checked where it enters (the CLI, or a test's options). */
export function checkEngineSignIn(signIn: EngineSignIn): EngineSignIn {
  if (!CLIENT_ID_PATTERN.test(signIn.clientId)) throw new Error('--engine-sign-in-client-id must be 1-64 letters, digits, ".", "_" or "-"');
  if (signIn.clientSecret.length < MIN_CLIENT_SECRET_LENGTH || signIn.clientSecret.length > 1024) {
    throw new Error(`The engine's sign-in client secret must be ${MIN_CLIENT_SECRET_LENGTH} to 1024 characters`);
  }
  let parsed: URL;
  try {
    parsed = new URL(signIn.redirectUri);
  } catch {
    throw new Error(`--engine-sign-in-redirect-uri must be an https:// address, not ${JSON.stringify(signIn.redirectUri)}`);
  }
  // The authorization code travels in this URL: only over TLS, and exactly as registered (no fragment).
  if (parsed.protocol !== 'https:' || parsed.hash !== '' || parsed.username !== '' || parsed.password !== '') {
    throw new Error('--engine-sign-in-redirect-uri must be an https:// address without a fragment or user info');
  }
  // As given, not normalised: the provider compares it with the engine's redirect_uri string for string.
  return { clientId: signIn.clientId, clientSecret: signIn.clientSecret, redirectUri: signIn.redirectUri };
}

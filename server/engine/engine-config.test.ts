import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCertHash, checkEngineSignIn, checkEngineUrl, readEngineCredentials, readEngineSignInSecret } from './engine-config';

const folder = mkdtempSync(join(tmpdir(), 'engine-config-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function credentialsFile(content: unknown): string {
  const file = join(folder, `credentials-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(content), { mode: 0o600 });
  return file;
}

const SECRET = 'x'.repeat(43);

describe("the engine's sign-in client secret", () => {
  it('is read from the credentials file next to the engine account, which still reads as the account', () => {
    const file = credentialsFile({ username: 'portal', password: 'engine-password', signInClientSecret: SECRET });
    expect(readEngineSignInSecret(file, {})).toBe(SECRET);
    expect(readEngineCredentials(file, {})).toEqual({ username: 'portal', password: 'engine-password' });
  });

  it('is read from FJERNHJELP_ENGINE_SIGN_IN_CLIENT_SECRET without a file', () => {
    expect(readEngineSignInSecret(undefined, { FJERNHJELP_ENGINE_SIGN_IN_CLIENT_SECRET: SECRET })).toBe(SECRET);
  });

  it('is required, and the error names where it may come from, never a value', () => {
    const file = credentialsFile({ username: 'portal', password: 'engine-password' });
    expect(() => readEngineSignInSecret(file, { FJERNHJELP_ENGINE_SIGN_IN_CLIENT_SECRET: SECRET })).toThrow(/signInClientSecret.*FJERNHJELP_ENGINE_SIGN_IN_CLIENT_SECRET/);
    expect(() => readEngineSignInSecret(undefined, {})).toThrow(/FJERNHJELP_ENGINE_SIGN_IN_CLIENT_SECRET/);
  });

  it('a credentials file with any other key is refused without echoing its content', () => {
    const file = credentialsFile({ username: 'portal', password: 'engine-password', clientSecret: 'hemmelig-verdi' });
    expect(() => readEngineCredentials(file, {})).toThrow(/must hold exactly/);
    expect(() => readEngineCredentials(file, {})).not.toThrow(/hemmelig-verdi/);
  });
});

describe("the engine's sign-in client", () => {
  const valid = { clientId: 'fjernhjelp-engine', clientSecret: SECRET, redirectUri: 'https://mesh.example.no/auth-oidc-callback' };

  it('accepts an https callback, a plain client id and a long secret', () => {
    expect(checkEngineSignIn(valid)).toEqual(valid);
  });

  it('refuses a callback that is not https, or has a fragment or user info', () => {
    for (const redirectUri of ['http://mesh.example.no/auth-oidc-callback', 'https://mesh.example.no/cb#x', 'https://user:pw@mesh.example.no/cb', 'not a url']) {
      expect(() => checkEngineSignIn({ ...valid, redirectUri }), redirectUri).toThrow(/--engine-sign-in-redirect-uri/);
    }
  });

  it('refuses a short secret and a client id with other characters', () => {
    expect(() => checkEngineSignIn({ ...valid, clientSecret: 'short' })).toThrow(/43 to 1024 characters/);
    expect(() => checkEngineSignIn({ ...valid, clientId: 'mesh central' })).toThrow(/--engine-sign-in-client-id/);
  });
});

describe("the engine's account and address", () => {
  it.skipIf(process.platform === 'win32')('a credentials file others on the machine can read is refused, naming the fix', () => {
    const file = credentialsFile({ username: 'portal', password: 'engine-password' });
    chmodSync(file, 0o640);
    expect(() => readEngineCredentials(file, {})).toThrow(/can be read by other users of this machine.*chmod 600/);
    chmodSync(file, 0o600);
    expect(readEngineCredentials(file, {})).toEqual({ username: 'portal', password: 'engine-password' });
  });

  it('comes from the environment without a file, and a missing one says where it may come from', () => {
    expect(readEngineCredentials(undefined, { FJERNHJELP_ENGINE_USERNAME: 'portal', FJERNHJELP_ENGINE_PASSWORD: 'pw' })).toEqual({ username: 'portal', password: 'pw' });
    expect(() => readEngineCredentials(undefined, {})).toThrow(/--engine-credentials-file or FJERNHJELP_ENGINE_USERNAME/);
    expect(() => readEngineCredentials(join(folder, 'missing.json'), {})).toThrow(/cannot be read \(ENOENT\)/);
  });

  it('the engine is spoken to over wss:// only, pinned to a SHA-384 given with or without colons', () => {
    expect(checkEngineUrl('wss://127.0.0.1:4430/')).toBe('wss://127.0.0.1:4430');
    expect(() => checkEngineUrl('ws://127.0.0.1:4430')).toThrow(/only spoken to over TLS/);
    expect(() => checkEngineUrl('127.0.0.1:4430')).toThrow(/wss:\/\//);
    const hash = 'AB'.repeat(48);
    expect(checkCertHash(hash.match(/../g)!.join(':'))).toBe('ab'.repeat(48));
    expect(() => checkCertHash('ab'.repeat(32))).toThrow(/SHA-384.*96 hex digits/);
  });
});

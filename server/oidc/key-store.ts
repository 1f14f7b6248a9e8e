import { createHash, generateKeyPairSync, randomBytes, type JsonWebKey } from 'node:crypto';
import type { Db } from '../db/database';

export interface OidcKeys {
  /** Private signing JWKs for ID tokens (RS256), newest first. */
  signing: JsonWebKey[];
  /** Secrets that sign oidc-provider's cookies, newest first (the first one signs, all verify). */
  cookie: string[];
}

/**
 * Loads the provider's keys, generating them on first start. They live in the server's own database so
 * that ID tokens, sessions and interaction cookies issued before a restart still verify after it.
 */
export function loadOrCreateOidcKeys(db: Db, now: () => Date): OidcKeys {
  const select = db.prepare('SELECT material FROM oidc_keys WHERE kind = ? ORDER BY created_at DESC, id').pluck();
  const insert = db.prepare('INSERT INTO oidc_keys (id, kind, material, created_at) VALUES (?, ?, ?, ?)');

  return db.transaction((): OidcKeys => {
    if ((select.all('signing') as string[]).length === 0) {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const jwk = privateKey.export({ format: 'jwk' });
      const kid = thumbprint(jwk);
      insert.run(kid, 'signing', JSON.stringify({ ...jwk, kid, alg: 'RS256', use: 'sig' }), now().toISOString());
    }
    if ((select.all('cookie') as string[]).length === 0) {
      insert.run(`cookie-${randomBytes(8).toString('hex')}`, 'cookie', randomBytes(32).toString('base64url'), now().toISOString());
    }
    return {
      signing: (select.all('signing') as string[]).map((text) => JSON.parse(text) as JsonWebKey),
      cookie: select.all('cookie') as string[],
    };
  }).immediate();
}

/** RFC 7638 thumbprint of an RSA key, used as its kid. */
function thumbprint(jwk: JsonWebKey): string {
  return createHash('sha256').update(JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n })).digest('base64url');
}

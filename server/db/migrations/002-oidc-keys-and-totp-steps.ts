import type { Db } from '../database';

/**
 * The OpenID provider's own keys, generated on first start and kept so that issued tokens and
 * cookies stay valid across restarts; and the last accepted TOTP step per user, so a code that
 * was just used (e.g. read over a shoulder) cannot sign in a second time within its window.
 */
export function migration002OidcKeysAndTotpSteps(db: Db): void {
  db.exec(`
    CREATE TABLE oidc_keys (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('signing', 'cookie')),
      material TEXT NOT NULL,            -- private JWK (signing) or base64url secret (cookie)
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE totp_last_steps (
      user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      step INTEGER NOT NULL
    ) STRICT;

    CREATE INDEX oidc_by_user_code ON oidc_payloads (user_code);
    CREATE INDEX oidc_by_expiry ON oidc_payloads (expires_at);
  `);
}

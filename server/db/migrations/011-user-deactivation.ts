import type { Db } from '../database';

/**
 * A user can be deactivated (a vendor's technician leaves, or is away): `deactivated_at` is set and the
 * user can no longer sign in or call the API, while the row (and so every audit event's subject) stays.
 * Deactivating also signs the user out at the OpenID provider: its rows are found by the account id
 * inside the payload, so that look-up gets an index instead of a scan of every session and token.
 */
export function migration011UserDeactivation(db: Db): void {
  db.exec(`
    ALTER TABLE users ADD COLUMN deactivated_at TEXT;
    CREATE INDEX oidc_by_account ON oidc_payloads (json_extract(payload, '$.accountId'));
  `);
}

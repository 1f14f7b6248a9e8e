import type { Db } from '../db/database';
import { prepared } from '../db/prepared';

/**
 * Signs an account out everywhere at the OpenID provider: its browser sessions, grants, authorization
 * codes and access and refresh tokens (every model that names the account in `accountId`). Runs in the
 * caller's transaction, so a user is never deactivated or deleted with a session left behind. A sign-in
 * half-way through is not removed here: its second step asks for the user again and is refused
 * (sign-in.ts), which tells the person why, where a vanished interaction would only say "expired".
 */
export function revokeAccountAtProvider(db: Db, accountId: string): void {
  prepared(db, "DELETE FROM oidc_payloads WHERE json_extract(payload, '$.accountId') = ?").run(accountId);
}

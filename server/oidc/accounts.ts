import type { Account, AccountClaims } from 'oidc-provider';
import { principalForUser } from '../auth/principal';
import type { Db } from '../db/database';

/** Which claims each scope releases. `portal` is the API scope: it also carries the organisation and roles. */
export const SCOPE_CLAIMS = {
  // amr (RFC 8176) tells the app and an auditor which factors were used: pwd or sms, then otp or hwk.
  openid: ['sub', 'amr'],
  profile: ['name', 'given_name', 'family_name', 'preferred_username'],
  portal: ['organisation_id', 'organisation_name', 'roles'],
} as const;

export const SUPPORTED_SCOPES = ['openid', 'profile', 'offline_access', 'portal'] as const;
/** The scope an access token must carry to be accepted at /api/v1. */
export const API_SCOPE = 'portal';

interface UserClaimsRow {
  first_name: string;
  last_name: string;
  organisation_name: string;
}

/** oidc-provider's findAccount: `sub` is the user id; claims are read fresh each time they are released. */
export function createFindAccount(db: Db): (ctx: unknown, sub: string) => Promise<Account | undefined> {
  const select = db.prepare(
    `SELECT u.first_name, u.last_name, o.name AS organisation_name
     FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = ?`,
  );
  return async (_ctx, sub) => {
    const principal = principalForUser(db, sub);
    const row = select.get(sub) as UserClaimsRow | undefined;
    if (!principal || !row) return undefined;
    const claims: AccountClaims = {
      sub,
      name: `${row.first_name} ${row.last_name}`.trim(),
      given_name: row.first_name,
      family_name: row.last_name,
      preferred_username: principal.username,
      organisation_id: principal.organisationId,
      organisation_name: row.organisation_name,
      roles: principal.roles,
    };
    return { accountId: sub, claims: () => claims };
  };
}

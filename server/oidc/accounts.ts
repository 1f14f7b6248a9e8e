import type { Account, AccountClaims } from 'oidc-provider';
import { principalForUser } from '../auth/principal';
import type { Db } from '../db/database';
import { mayUseEngine } from './engine-client';

/** Which claims each scope releases. `portal` is the API scope: it also carries the organisation and roles. */
export const SCOPE_CLAIMS = {
  // amr (RFC 8176) tells the app and an auditor which factors were used: pwd or sms, then otp or hwk.
  openid: ['sub', 'amr'],
  profile: ['name', 'given_name', 'family_name', 'preferred_username'],
  // Not `email_verified`: the portal sends mail to the address but does not prove that the user owns it.
  email: ['email'],
  portal: ['organisation_id', 'organisation_name', 'roles'],
} as const;

export const SUPPORTED_SCOPES = ['openid', 'profile', 'email', 'offline_access', 'portal'] as const;
/** The scope an access token must carry to be accepted at /api/v1. */
export const API_SCOPE = 'portal';

interface UserClaimsRow {
  first_name: string;
  last_name: string;
  email: string;
  organisation_name: string;
}

/**
 * oidc-provider's findAccount: `sub` is the user id; claims are read fresh each time they are released.
 * For the engine's client it also asks whether the user may sign in to the engine: at the token endpoint and
 * at userinfo that refuses a user whose remote-support role went between the sign-in and the engine's call.
 */
export function createFindAccount(db: Db, engineClientId?: string): (ctx: unknown, sub: string) => Promise<Account | undefined> {
  const select = db.prepare(
    `SELECT u.first_name, u.last_name, u.email, o.name AS organisation_name
     FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = ?`,
  );
  return async (ctx, sub) => {
    const principal = principalForUser(db, sub);
    const row = select.get(sub) as UserClaimsRow | undefined;
    if (!principal || !row) return undefined;
    const clientId = (ctx as { oidc?: { client?: { clientId?: string } } } | undefined)?.oidc?.client?.clientId;
    if (engineClientId !== undefined && clientId === engineClientId && !mayUseEngine(db, sub)) return undefined;
    const claims: AccountClaims = {
      sub,
      name: `${row.first_name} ${row.last_name}`.trim(),
      given_name: row.first_name,
      family_name: row.last_name,
      preferred_username: principal.username,
      email: row.email,
      organisation_id: principal.organisationId,
      organisation_name: row.organisation_name,
      roles: principal.roles,
    };
    return { accountId: sub, claims: () => claims };
  };
}

import type { Db } from '../db/database';

export type Role = 'portal-admin' | 'remote-support-user';

/** Who is calling the API: resolved from an access token on every request. */
export interface Principal {
  userId: string;
  username: string;
  organisationId: string;
  roles: Role[];
}

/**
 * The principal of an active user. A deactivated user has none: every way in asks this (the API's
 * token verifiers, the OpenID provider's account look-up on refresh and userinfo, the sign-in steps),
 * so deactivation shuts each of them at once, whatever token is still held.
 */
export function principalForUser(db: Db, userId: string): Principal | undefined {
  const row = db
    .prepare('SELECT id, username, organisation_id, is_portal_admin, is_remote_support_user FROM users WHERE id = ? AND deactivated_at IS NULL')
    .get(userId) as
    | { id: string; username: string; organisation_id: string; is_portal_admin: number; is_remote_support_user: number }
    | undefined;
  if (!row) return undefined;
  const roles: Role[] = [];
  if (row.is_portal_admin) roles.push('portal-admin');
  if (row.is_remote_support_user) roles.push('remote-support-user');
  return { userId: row.id, username: row.username, organisationId: row.organisation_id, roles };
}

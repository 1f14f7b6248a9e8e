import type { Db } from '../db/database';
import { prepared } from '../db/prepared';
import { nextVersion } from '../db/versions';
import { Problem } from '../http/problem';
import type { Actor } from './actor';
import { writeAuditEvent } from './audit-log';
import { getUserRow, listUserRows, requireActiveUser, requireUserRow, toUser, type User } from './user-repository';

export function listPortalAdmins(db: Db, organisationId: string): User[] {
  return listUserRows(db, organisationId, true).map(toUser);
}

/**
 * An organisation always keeps a portal administrator who can sign in: one other than `userId` that is
 * not deactivated. A deactivated administrator cannot act, so does not count.
 */
export function requireAnotherActivePortalAdmin(db: Db, organisationId: string, userId: string): void {
  const others = prepared(db, 'SELECT COUNT(*) FROM users WHERE organisation_id = ? AND is_portal_admin = 1 AND deactivated_at IS NULL AND id <> ?')
    .pluck()
    .get(organisationId, userId) as number;
  if (others === 0) throw new Problem(409, 'LAST_ADMIN', 'The organisation\'s last active portal administrator cannot be removed');
}

/** Delegates the portal-admin role (the guide: rights can be delegated within the organisation). */
export function grantPortalAdmin(db: Db, actor: Actor, userId: string, now: Date): { user: User; created: boolean } {
  return db.transaction(() => {
    const row = requireUserRow(db, actor.organisationId, userId);
    if (row.is_portal_admin) return { user: toUser(row), created: false };
    // The role is for someone who can use it.
    requireActiveUser(row);
    const at = now.toISOString();
    prepared(db, 'UPDATE users SET is_portal_admin = 1, updated_at = ?, version = ? WHERE id = ?').run(at, nextVersion(db), userId);
    const user = toUser(getUserRow(db, userId)!);
    writeAuditEvent(db, { actor, action: 'portalAdmin.granted', objectType: 'user', objectId: userId, before: toUser(row), after: user, at });
    return { user, created: true };
  })();
}

/** Revokes the role; an organisation always keeps at least one active portal administrator. */
export function revokePortalAdmin(db: Db, actor: Actor, userId: string, now: Date): void {
  db.transaction(() => {
    const row = requireUserRow(db, actor.organisationId, userId);
    if (!row.is_portal_admin) throw new Problem(404, 'NOT_FOUND', 'This user is not a portal administrator');
    requireAnotherActivePortalAdmin(db, actor.organisationId, userId);
    const at = now.toISOString();
    prepared(db, 'UPDATE users SET is_portal_admin = 0, updated_at = ?, version = ? WHERE id = ?').run(at, nextVersion(db), userId);
    const user = toUser(getUserRow(db, userId)!);
    writeAuditEvent(db, { actor, action: 'portalAdmin.revoked', objectType: 'user', objectId: userId, before: toUser(row), after: user, at });
  })();
}

import type { Db } from '../db/database';
import { prepared } from '../db/prepared';
import { nextVersion } from '../db/versions';
import { Problem } from '../http/problem';
import type { Actor } from './actor';
import { writeAuditEvent } from './audit-log';
import { getUserRow, listUserRows, requireUserRow, toUser, type User } from './user-repository';

export function listPortalAdmins(db: Db, organisationId: string): User[] {
  return listUserRows(db, organisationId, true).map(toUser);
}

/** Delegates the portal-admin role (the guide: rights can be delegated within the organisation). */
export function grantPortalAdmin(db: Db, actor: Actor, userId: string, now: Date): { user: User; created: boolean } {
  return db.transaction(() => {
    const row = requireUserRow(db, actor.organisationId, userId);
    if (row.is_portal_admin) return { user: toUser(row), created: false };
    const at = now.toISOString();
    prepared(db, 'UPDATE users SET is_portal_admin = 1, updated_at = ?, version = ? WHERE id = ?').run(at, nextVersion(db), userId);
    const user = toUser(getUserRow(db, userId)!);
    writeAuditEvent(db, { actor, action: 'portalAdmin.granted', objectType: 'user', objectId: userId, before: toUser(row), after: user, at });
    return { user, created: true };
  })();
}

/** Revokes the role; an organisation always keeps at least one portal administrator. */
export function revokePortalAdmin(db: Db, actor: Actor, userId: string, now: Date): void {
  db.transaction(() => {
    const row = requireUserRow(db, actor.organisationId, userId);
    if (!row.is_portal_admin) throw new Problem(404, 'NOT_FOUND', 'This user is not a portal administrator');
    const admins = prepared(db, 'SELECT COUNT(*) FROM users WHERE organisation_id = ? AND is_portal_admin = 1').pluck().get(actor.organisationId) as number;
    if (admins <= 1) throw new Problem(409, 'LAST_ADMIN', 'The organisation\'s last portal administrator cannot be removed');
    const at = now.toISOString();
    prepared(db, 'UPDATE users SET is_portal_admin = 0, updated_at = ?, version = ? WHERE id = ?').run(at, nextVersion(db), userId);
    const user = toUser(getUserRow(db, userId)!);
    writeAuditEvent(db, { actor, action: 'portalAdmin.revoked', objectType: 'user', objectId: userId, before: toUser(row), after: user, at });
  })();
}

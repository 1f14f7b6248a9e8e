import type { Db } from '../db/database';
import { prepared } from '../db/prepared';
import { nextVersion } from '../db/versions';
import { checkIfMatch } from '../http/if-match';
import { Problem } from '../http/problem';
import { revokeAccountAtProvider } from '../oidc/revoke-account';
import type { Actor } from './actor';
import { writeAuditEvent } from './audit-log';
import { requireAnotherActivePortalAdmin } from './portal-admins';
import { writeTombstone } from './tombstones';
import { getUserRow, requireUserRow, toUser, type User, type UserRow } from './user-repository';

/**
 * An administrator acting on their own account would lock themselves out (and, as the last one, the
 * whole organisation): refused, with the reason, before anything else is looked at.
 */
function refuseSelf(actor: Actor, userId: string, code: 'CANNOT_DEACTIVATE_SELF' | 'CANNOT_DELETE_SELF'): void {
  if (actor.id !== userId) return;
  const what = code === 'CANNOT_DEACTIVATE_SELF' ? 'deactivate' : 'delete';
  throw new Problem(409, code, `You cannot ${what} yourself: you would be signed out and could not undo it. Ask another portal administrator.`);
}

/** The target, found in the actor's organisation (404 otherwise), checked against If-Match and self. */
function requireTarget(db: Db, actor: Actor, userId: string, ifMatch: string | undefined, self: Parameters<typeof refuseSelf>[2]): UserRow {
  const row = requireUserRow(db, actor.organisationId, userId);
  refuseSelf(actor, userId, self);
  checkIfMatch(ifMatch, row.version, 'the user');
  return row;
}

/**
 * "Deaktiver": the user is signed out at once (every session, grant and token at the provider) and can
 * no longer sign in; a pending one-time password is withdrawn. The user and the history stay. Doing it
 * again changes nothing.
 */
export function deactivateUser(db: Db, actor: Actor, userId: string, ifMatch: string | undefined, now: Date): User {
  return db.transaction(() => {
    const row = requireTarget(db, actor, userId, ifMatch, 'CANNOT_DEACTIVATE_SELF');
    if (row.deactivated_at !== null) return toUser(row);
    if (row.is_portal_admin) requireAnotherActivePortalAdmin(db, actor.organisationId, userId);
    const at = now.toISOString();
    prepared(db, 'UPDATE users SET deactivated_at = ?, otp_hash = NULL, otp_expires_at = NULL, updated_at = ?, version = ? WHERE id = ?').run(
      at,
      at,
      nextVersion(db),
      userId,
    );
    revokeAccountAtProvider(db, userId);
    const user = toUser(getUserRow(db, userId)!);
    writeAuditEvent(db, { actor, action: 'user.deactivated', objectType: 'user', objectId: userId, before: toUser(row), after: user, at });
    return user;
  })();
}

/**
 * "Aktiver igjen": undoes a deactivation. The user signs in again with a new one-time password (the
 * old one was withdrawn), which the administrator sends as usual.
 */
export function reactivateUser(db: Db, actor: Actor, userId: string, ifMatch: string | undefined, now: Date): User {
  return db.transaction(() => {
    const row = requireUserRow(db, actor.organisationId, userId);
    checkIfMatch(ifMatch, row.version, 'the user');
    if (row.deactivated_at === null) return toUser(row);
    const at = now.toISOString();
    prepared(db, 'UPDATE users SET deactivated_at = NULL, updated_at = ?, version = ? WHERE id = ?').run(at, nextVersion(db), userId);
    const user = toUser(getUserRow(db, userId)!);
    writeAuditEvent(db, { actor, action: 'user.reactivated', objectType: 'user', objectId: userId, before: toUser(row), after: user, at });
    return user;
  })();
}

/**
 * "Slett bruker": the row goes, and with it the TOTP secret, password and one-time password hashes and
 * the last TOTP step (ON DELETE CASCADE); the user is signed out at the provider. The audit event keeps
 * the user's names and fields as they were, and a tombstone tells every synced cache. Cannot be undone.
 * Spent Yubikey codes are kept: they are no secret, and keep an old touch from ever signing anyone in.
 */
export function deleteUser(db: Db, actor: Actor, userId: string, ifMatch: string | undefined, now: Date): void {
  db.transaction(() => {
    const row = requireTarget(db, actor, userId, ifMatch, 'CANNOT_DELETE_SELF');
    if (row.is_portal_admin) requireAnotherActivePortalAdmin(db, actor.organisationId, userId);
    const at = now.toISOString();
    const before = toUser(row);
    revokeAccountAtProvider(db, userId);
    prepared(db, 'DELETE FROM users WHERE id = ?').run(userId);
    writeAuditEvent(db, { actor, action: 'user.deleted', objectType: 'user', objectId: userId, before, after: null, at });
    writeTombstone(db, 'user', userId, row.organisation_id, at);
  })();
}

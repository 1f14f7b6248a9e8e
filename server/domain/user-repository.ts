import { engineObjectStatus, type EngineObjectStatus, type EngineState } from '../engine/engine-object-status';
import type { Role } from '../auth/principal';
import { sortByNames } from '../../common/sorting/name-collation';
import type { Db } from '../db/database';
import { idList, inIdList } from '../db/id-list';
import { prepared } from '../db/prepared';
import { Problem } from '../http/problem';

export type TwoFactor = 'totp' | 'yubikey';
/** A deactivated user cannot sign in or call the API; the user and the history about them are kept. */
export type UserStatus = 'active' | 'deactivated';

/** A user as the API shows it: never the TOTP secret, password hash or one-time password hash. */
export interface User {
  id: string;
  username: string;
  firstName: string;
  lastName: string;
  email: string;
  mobile: string;
  twoFactor: TwoFactor;
  yubikeyPublicId: string | null;
  roles: Role[];
  status: UserStatus;
  deactivatedAt: string | null;
  /**
   * For an active remote-support user: whether the remote-support system has their account (with MeshCentral,
   * pending until their first sign-in there). null for anyone else.
   */
  engineStatus: EngineObjectStatus | null;
  createdAt: string;
  updatedAt: string;
  /** The ETag is W/"<version>": PATCH needs it in If-Match. */
  version: number;
}

export interface UserRow {
  id: string;
  organisation_id: string;
  username: string;
  first_name: string;
  last_name: string;
  email: string;
  mobile: string;
  two_factor: TwoFactor;
  yubikey_public_id: string | null;
  totp_secret: string | null;
  is_portal_admin: number;
  is_remote_support_user: number;
  deactivated_at: string | null;
  engine_state: EngineState;
  engine_reason: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

// Secrets stay out of the row type: the columns that hold them are read only where they are needed.
const USER_COLUMNS = `id, organisation_id, username, first_name, last_name, email, mobile, two_factor, yubikey_public_id,
  totp_secret, is_portal_admin, is_remote_support_user, deactivated_at, engine_state, engine_reason, created_at, updated_at, version`;

export function toUser(row: UserRow): User {
  const roles: Role[] = [];
  if (row.is_portal_admin) roles.push('portal-admin');
  if (row.is_remote_support_user) roles.push('remote-support-user');
  return {
    id: row.id,
    username: row.username,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    mobile: row.mobile,
    twoFactor: row.two_factor,
    yubikeyPublicId: row.yubikey_public_id,
    roles,
    status: row.deactivated_at === null ? 'active' : 'deactivated',
    deactivatedAt: row.deactivated_at,
    engineStatus: row.is_remote_support_user && row.deactivated_at === null ? engineObjectStatus(row) : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** By last name, first name and username in Norwegian order (sorted here: SQLite's order is by code point). */
export function listUserRows(db: Db, organisationId: string, onlyPortalAdmins = false): UserRow[] {
  const rows = db
    .prepare(`SELECT ${USER_COLUMNS} FROM users WHERE organisation_id = ? ${onlyPortalAdmins ? 'AND is_portal_admin = 1' : ''} ORDER BY username`)
    .all(organisationId) as UserRow[];
  return sortByNames(rows, (row) => [row.last_name, row.first_name, row.username]);
}

export function getUserRow(db: Db, id: string): UserRow | undefined {
  return prepared(db, `SELECT ${USER_COLUMNS} FROM users WHERE id = ?`).get(id) as UserRow | undefined;
}

/** For the sync feed: the users with these ids, in one statement. */
export function getUserRows(db: Db, ids: readonly string[]): UserRow[] {
  return prepared(db, `SELECT ${USER_COLUMNS} FROM users WHERE ${inIdList('id')}`).all(idList(ids)) as UserRow[];
}

/** Another organisation's user is as absent as one that does not exist. */
export function requireUserRow(db: Db, organisationId: string, id: string): UserRow {
  const row = getUserRow(db, id);
  if (!row || row.organisation_id !== organisationId) throw new Problem(404, 'NOT_FOUND', 'User not found');
  return row;
}

/** Commands that would have a deactivated user sign in (a one-time password, the admin role) are refused. */
export function requireActiveUser(row: Pick<UserRow, 'deactivated_at'>): void {
  if (row.deactivated_at !== null) throw new Problem(409, 'USER_DEACTIVATED', 'The user is deactivated: reactivate the user first');
}

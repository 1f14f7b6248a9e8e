import { machineGroupNameKey } from '../../common/validation/machine-group-name';
import { organisationPrefix } from '../../common/validation/organisation-prefix';
import { foldForSearch } from '../../common/validation/search-fold';
import type { Db } from '../db/database';
import { objectNamesJson } from '../domain/audit-log';
import { auditObjectNames } from '../domain/audit-object-names';
import { DEFAULT_MACHINE_GROUP_NAME } from '../domain/machine-group-repository';
import type { ServiceStatus } from '../domain/organisation-repository';
import { sessionId } from '../engine/record-sessions';
import type { SessionKind } from '../engine/remote-support-engine';
import type { RemoteSessionConsent } from '../engine/session-read-model';

/**
 * Bulk inserts for seeds: prepared once, run inside the caller's single transaction, with versions
 * counted locally and written to the global counter at the end (one statement instead of one per row).
 */
export class SeedWriter {
  private version: number;
  private readonly statements;

  constructor(private readonly db: Db) {
    this.version = db.prepare('SELECT value FROM version_counter WHERE id = 1').pluck().get() as number;
    this.statements = {
      organisation: db.prepare(
        `INSERT INTO organisations (id, name, prefix, name_key, is_vendor, service_status, terms_version, activated_at, ready_at, version)
         VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?)`,
      ),
      user: db.prepare(
        `INSERT INTO users (id, organisation_id, username, first_name, last_name, email, mobile, two_factor, yubikey_public_id,
           totp_secret, password_hash, is_portal_admin, is_remote_support_user, created_at, updated_at, version)
         VALUES (@id, @organisationId, @username, @firstName, @lastName, @email, @mobile, @twoFactor, @yubikeyPublicId,
           @totpSecret, @passwordHash, @isPortalAdmin, @isRemoteSupportUser, @at, @at, @version)`,
      ),
      group: db.prepare(
        `INSERT INTO machine_groups (id, organisation_id, name, name_key, sync_state, ready_at, created_at, created_by, version, is_default)
         VALUES (?, ?, ?, ?, 'ready', ?, ?, ?, ?, ?)`,
      ),
      grant: db.prepare(
        `INSERT INTO grants (group_id, organisation_id, vendor_id, mode, granted_at, granted_by, expires_at, version)
         VALUES (?, ?, ?, ?, ?, 'system', NULL, ?)`,
      ),
      session: db.prepare(
        `INSERT INTO remote_sessions (id, engine_key, organisation_id, group_id, group_name, device_id, device_name, user_id, username,
           vendor_id, vendor_name, kind, consent, started_at, ended_at, version)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      audit: db.prepare(
        `INSERT INTO audit_events (organisation_id, actor_id, actor_name, action, object_type, object_id, object_names_json, before_json, after_json, at, version)
         VALUES (?, 'system', 'system', ?, ?, ?, ?, NULL, ?, ?, ?)`,
      ),
    };
  }

  private next(): number {
    return ++this.version;
  }

  organisation(row: { id: string; name: string; status: ServiceStatus; termsVersion?: string; activatedAt?: string }): void {
    const active = row.status !== 'inactive';
    this.statements.organisation.run(
      row.id,
      row.name,
      organisationPrefix(row.name),
      foldForSearch(row.name),
      row.status,
      active ? (row.termsVersion ?? null) : null,
      active ? (row.activatedAt ?? null) : null,
      active ? (row.activatedAt ?? null) : null,
      this.next(),
    );
  }

  user(row: {
    id: string;
    organisationId: string;
    username: string;
    firstName: string;
    lastName: string;
    email: string;
    mobile: string;
    twoFactor: 'totp' | 'yubikey';
    yubikeyPublicId?: string | null;
    totpSecret?: string | null;
    passwordHash?: string | null;
    isPortalAdmin: boolean;
    isRemoteSupportUser: boolean;
    at: string;
  }): void {
    this.statements.user.run({
      ...row,
      yubikeyPublicId: row.yubikeyPublicId ?? null,
      totpSecret: row.totpSecret ?? null,
      passwordHash: row.passwordHash ?? null,
      isPortalAdmin: row.isPortalAdmin ? 1 : 0,
      isRemoteSupportUser: row.isRemoteSupportUser ? 1 : 0,
      version: this.next(),
    });
  }

  /** A seeded "Maskiner" is its organisation's default group, the one activation makes. */
  group(row: { id: string; organisationId: string; name: string; at: string }): void {
    const isDefault = row.name === DEFAULT_MACHINE_GROUP_NAME ? 1 : 0;
    this.statements.group.run(row.id, row.organisationId, row.name, machineGroupNameKey(row.name), row.at, row.at, 'system', this.next(), isDefault);
  }

  /** `organisationId` owns the group (foreign keys make sure it exists). */
  grant(row: { groupId: string; organisationId: string; vendorId: string; mode: 'with_approval' | 'without_approval'; at: string }): void {
    this.statements.grant.run(row.groupId, row.organisationId, row.vendorId, row.mode, row.at, this.next());
  }

  /**
   * A remote-support session as the reconciler would have recorded it (server/engine/record-sessions.ts): the
   * caller gives the names as they were. `key` is the seed's stand-in for the engine's identity of the session.
   */
  session(row: {
    key: string;
    organisationId: string;
    groupId: string;
    groupName: string;
    deviceId: string;
    deviceName: string;
    user: { id: string; username: string; vendorId: string; vendorName: string };
    kind: SessionKind;
    consent: RemoteSessionConsent;
    startedAt: string;
    endedAt: string;
  }): void {
    const engineKey = `seed:${row.key}`;
    this.statements.session.run(
      sessionId(engineKey),
      engineKey,
      row.organisationId,
      row.groupId,
      row.groupName,
      row.deviceId,
      row.deviceName,
      row.user.id,
      row.user.username,
      row.user.vendorId,
      row.user.vendorName,
      row.kind,
      row.consent,
      row.startedAt,
      row.endedAt,
      this.next(),
    );
  }

  /** Seeded objects get a "<type>.seeded" event, so every object in the log's organisation has a history. */
  audit(row: { organisationId: string; objectType: string; objectId: string; after: object; at: string }): void {
    const names = objectNamesJson(auditObjectNames(this.db, row));
    this.statements.audit.run(row.organisationId, `${row.objectType}.seeded`, row.objectType, row.objectId, names, JSON.stringify(row.after), row.at, this.next());
  }

  finish(): void {
    this.db.prepare('UPDATE version_counter SET value = ? WHERE id = 1').run(this.version);
  }
}

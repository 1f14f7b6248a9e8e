import { createHash } from 'node:crypto';
import type { Db } from '../db/database';
import { prepared } from '../db/prepared';
import { nextVersion } from '../db/versions';
import type { GrantMode } from '../domain/grant-repository';
import { getMachineGroupById } from '../domain/machine-group-repository';
import type { Device, ObservedSession } from './remote-support-engine';
import type { RemoteSessionConsent, RemoteSessionRow } from './session-read-model';

/** The portal's id of a session: a digest of the engine's identity, so the same session always has the same id. */
export function sessionId(engineKey: string): string {
  return createHash('sha256').update(engineKey).digest('base64url').slice(0, 22);
}

/**
 * Stores the sessions the engine logged on the machines of portal groups; call inside the reconcile's
 * transaction, after the devices were recorded. A session is stored once (by its engine key): read again it
 * changes nothing, not even its version, unless it was open and has ended or its consent became known. What it
 * shows is what was true when it was first stored — the group's full name, the machine's name, the user and
 * their organisation — and the vendor is the portal user's own organisation, never something the engine says.
 *
 * Returns how many sessions were stored or changed.
 */
export function recordSessions(db: Db, devices: readonly Device[], sessions: readonly ObservedSession[]): number {
  const byEngineId = new Map(devices.map((device) => [device.engineId, device]));
  let changed = 0;
  for (const session of sessions) {
    const device = byEngineId.get(session.deviceEngineId);
    const group = device && getMachineGroupById(db, device.groupId);
    if (!device || !group) continue;
    const existing = prepared(db, 'SELECT * FROM remote_sessions WHERE engine_key = ?').get(session.engineKey) as RemoteSessionRow | undefined;
    if (existing) {
      // A session is evidence: once stored, only its end (it was open) and an answer the engine logged later change.
      // A consent the portal decided stays as decided then, whatever the grants and findings are now.
      const consent = session.consent === null ? existing.consent : consentOfFact(session.consent);
      if (existing.ended_at === session.endedAt && existing.consent === consent) continue;
      prepared(db, 'UPDATE remote_sessions SET ended_at = ?, consent = ?, version = ? WHERE id = ?').run(session.endedAt, consent, nextVersion(db), existing.id);
      changed++;
      continue;
    }
    const who = portalUser(db, session);
    const consent = session.consent === null ? decidedConsent(db, group.id, session, who.vendorId) : consentOfFact(session.consent);
    const row: RemoteSessionRow = {
      id: sessionId(session.engineKey),
      engine_key: session.engineKey,
      organisation_id: ownerOf(db, group.id),
      group_id: group.id,
      group_name: group.fullName,
      device_id: device.engineId,
      device_name: device.name,
      user_id: session.portalUserId,
      username: who.username ?? session.accountName,
      vendor_id: who.vendorId,
      vendor_name: who.vendorName,
      kind: session.kind,
      consent,
      started_at: session.startedAt,
      ended_at: session.endedAt,
      version: nextVersion(db),
    };
    prepared(db,
      `INSERT INTO remote_sessions (id, engine_key, organisation_id, group_id, group_name, device_id, device_name, user_id, username,
         vendor_id, vendor_name, kind, consent, started_at, ended_at, version)
       VALUES (@id, @engine_key, @organisation_id, @group_id, @group_name, @device_id, @device_name, @user_id, @username,
         @vendor_id, @vendor_name, @kind, @consent, @started_at, @ended_at, @version)`,
    ).run(row);
    changed++;
  }
  return changed;
}

/** The latest end the portal holds per machine: sessions that ended before it need not be read again. */
export function sessionHighWaterMarks(db: Db, devices: readonly Device[]): Map<string, string> {
  const marks = new Map<string, string>();
  for (const device of devices) {
    const latest = prepared(db, 'SELECT max(ended_at) FROM remote_sessions WHERE device_id = ?').pluck().get(device.engineId) as string | null;
    if (latest !== null) marks.set(device.engineId, latest);
  }
  return marks;
}

function ownerOf(db: Db, groupId: string): string {
  return prepared(db, 'SELECT organisation_id FROM machine_groups WHERE id = ?').pluck().get(groupId) as string;
}

/** The portal's own record of the user, now: their username and organisation (the vendor). */
function portalUser(db: Db, session: ObservedSession): { username: string | null; vendorId: string | null; vendorName: string | null } {
  if (session.portalUserId === null) return { username: null, vendorId: null, vendorName: null };
  const row = prepared(db, 'SELECT u.username, o.id AS vendor_id, o.name AS vendor_name FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = ?').get(
    session.portalUserId,
  ) as { username: string; vendor_id: string; vendor_name: string } | undefined;
  return row ? { username: row.username, vendorId: row.vendor_id, vendorName: row.vendor_name } : { username: null, vendorId: null, vendorName: null };
}

function consentOfFact(fact: Exclude<ObservedSession['consent'], null>): RemoteSessionConsent {
  return fact === 'notPrompted' ? 'notNeeded' : fact;
}

/**
 * Nothing logged about a prompt: it was asked (and not answered) if the access the user came through asked for
 * approval when the session started: the vendor's grant as the audit trail shows it then, or, for access outside
 * the portal, the drift finding's consent (as observed now: the engine keeps no history of it).
 */
function decidedConsent(db: Db, groupId: string, session: ObservedSession, vendorId: string | null): RemoteSessionConsent {
  const asked = vendorId !== null ? grantModeAt(db, groupId, vendorId, session.startedAt) === 'with_approval' : foreignLinkAsks(db, groupId, session.accountEngineId);
  return asked ? 'asked' : 'notNeeded';
}

/** The grant's mode at `at`: the last audit event of the grant at or before it (null after a removal), else the grant row. */
export function grantModeAt(db: Db, groupId: string, vendorId: string, at: string): GrantMode | null {
  const owner = ownerOf(db, groupId);
  const event = prepared(db,
    `SELECT after_json FROM audit_events WHERE organisation_id = ? AND object_type = 'grant' AND object_id = ? AND at <= ?
     ORDER BY at DESC, id DESC LIMIT 1`,
  ).get(owner, `${groupId}:${vendorId}`, at) as { after_json: string | null } | undefined;
  if (event) {
    const after = event.after_json === null ? null : (JSON.parse(event.after_json) as { mode?: unknown });
    return after?.mode === 'with_approval' || after?.mode === 'without_approval' ? after.mode : null;
  }
  // No trail that early (a seeded grant): the row, if it existed then; before its last mode change it had the other mode.
  const grant = prepared(db, 'SELECT mode, granted_at, mode_changed_at FROM grants WHERE group_id = ? AND vendor_id = ?').get(groupId, vendorId) as
    | { mode: GrantMode; granted_at: string; mode_changed_at: string | null }
    | undefined;
  if (!grant || grant.granted_at > at) return null;
  if (grant.mode_changed_at !== null && grant.mode_changed_at > at) return grant.mode === 'with_approval' ? 'without_approval' : 'with_approval';
  return grant.mode;
}

/** A link made by hand (engine_findings): directly (subject = the account) or by membership of a user group (`ugrp|user`). */
function foreignLinkAsks(db: Db, groupId: string, accountEngineId: string): boolean {
  const required = prepared(db,
    `SELECT max(consent_required) FROM engine_findings
     WHERE group_id = @groupId AND (subject_id = @account OR substr(subject_id, length(subject_id) - length(@account)) = '|' || @account)`,
  ).pluck().get({ groupId, account: accountEngineId }) as number | null;
  return required === 1;
}

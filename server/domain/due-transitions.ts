import type { Db } from '../db/database';
import { prepared } from '../db/prepared';
import { nextVersion } from '../db/versions';
import { systemActor } from './actor';
import { writeAuditEvent } from './audit-log';
import { getGrant, removeGrant } from './grant-repository';
import { getMachineGroupById } from './machine-group-repository';
import { getRemoteSupportService, serviceSnapshot } from './remote-support-service';

/**
 * The portal's delayed changes: a grant expiring, and without a remote-support engine ("simulert") the
 * simulated delays of activation finishing and a new group becoming ready (with an engine, the reconciler
 * settles those when the engine holds the groups: server/engine/record-observation.ts).
 * They are settled lazily against the injected clock at the start of every API request instead of by
 * timers, so tests control time and a restart loses nothing. Each settled row gets a new version and
 * an audit event by "system", so sync clients see the transition like any other change.
 */
export function settleDueTransitions(db: Db, now: Date, simulated: boolean): void {
  const at = now.toISOString();
  const services = simulated
    ? (prepared(db, `SELECT id FROM organisations WHERE service_status = 'activating' AND ready_at <= ?`).pluck().all(at) as string[])
    : [];
  const groups = simulated
    ? (prepared(db, `SELECT id, organisation_id FROM machine_groups WHERE sync_state = 'pending' AND ready_at <= ?`).all(at) as Array<{
        id: string;
        organisation_id: string;
      }>)
    : [];
  const grants = db
    .prepare(
      `SELECT group_id, vendor_id, organisation_id FROM grants WHERE expires_at IS NOT NULL AND expires_at <= ?`,
    )
    .all(at) as Array<{ group_id: string; vendor_id: string; organisation_id: string }>;
  if (services.length === 0 && groups.length === 0 && grants.length === 0) return;

  db.transaction(() => {
    for (const organisationId of services) {
      const before = getRemoteSupportService(db, organisationId);
      const changed = db
        .prepare(`UPDATE organisations SET service_status = 'active', version = ? WHERE id = ? AND service_status = 'activating'`)
        .run(nextVersion(db), organisationId).changes;
      if (changed === 0) continue;
      writeAuditEvent(db, {
        actor: systemActor(organisationId),
        action: 'service.activated',
        objectType: 'service',
        objectId: organisationId,
        before: serviceSnapshot(before),
        after: serviceSnapshot(getRemoteSupportService(db, organisationId)),
        at,
      });
    }
    for (const group of groups) {
      const before = getMachineGroupById(db, group.id);
      const changed = db
        .prepare(`UPDATE machine_groups SET sync_state = 'ready', version = ? WHERE id = ? AND sync_state = 'pending'`)
        .run(nextVersion(db), group.id).changes;
      if (changed === 0 || !before) continue;
      writeAuditEvent(db, {
        actor: systemActor(group.organisation_id),
        action: 'machineGroup.ready',
        objectType: 'machineGroup',
        objectId: group.id,
        before,
        after: getMachineGroupById(db, group.id) ?? null,
        at,
      });
    }
    for (const due of grants) {
      const grant = getGrant(db, due.group_id, due.vendor_id);
      if (grant) removeGrant(db, systemActor(due.organisation_id), grant, 'grant.expired', at);
    }
  })();
}

import { machineGroupNameKey } from '../../common/validation/machine-group-name';
import type { Db } from '../db/database';
import { prepared } from '../db/prepared';
import { nextVersion } from '../db/versions';
import { checkIfMatch } from '../http/if-match';
import { Problem } from '../http/problem';
import type { Actor } from './actor';
import { writeAuditEvent } from './audit-log';
import { getMachineGroupById, requireMachineGroup, requireUsableGroupName, type MachineGroup } from './machine-group-repository';
import { writeTombstone } from './tombstones';

const WHAT = 'the machine group';

/**
 * PATCH /machine-groups/{id}: a new name, by the same rules as a new group's. Vendors see the group by
 * its full name, so every grant on it gets a new version too: each vendor's "Maskingrupper du har
 * tilgang til" (their accessibleGroup, fed from the grant's version) then shows the new name. Renaming to
 * the name it has is no change: no new version, no audit event.
 */
export function renameMachineGroup(db: Db, actor: Actor, groupId: string, ifMatch: string | undefined, rawName: string, now: Date): MachineGroup {
  return db.transaction(() => {
    const before = requireMachineGroup(db, actor.organisationId, groupId);
    checkIfMatch(ifMatch, before.version, WHAT);
    const name = requireUsableGroupName(db, actor.organisationId, rawName, groupId);
    if (name === before.name) return before;
    prepared(db, 'UPDATE machine_groups SET name = ?, name_key = ?, version = ? WHERE id = ?').run(
      name,
      machineGroupNameKey(name),
      nextVersion(db),
      groupId,
    );
    const grants = prepared(db, 'SELECT vendor_id FROM grants WHERE group_id = ? ORDER BY vendor_id').pluck().all(groupId) as string[];
    const touchGrant = prepared(db, 'UPDATE grants SET version = ? WHERE group_id = ? AND vendor_id = ?');
    for (const vendorId of grants) touchGrant.run(nextVersion(db), groupId, vendorId);
    const after = getMachineGroupById(db, groupId)!;
    writeAuditEvent(db, { actor, action: 'machineGroup.renamed', objectType: 'machineGroup', objectId: groupId, before, after, at: now.toISOString() });
    return after;
  })();
}

/**
 * DELETE /machine-groups/{id}. Only a group no vendor has access to: removing the access is its own,
 * audited step the admin takes first (409 VENDORS_HAVE_ACCESS, on `grants`). The default group
 * "Maskiner" is never deleted (409 DEFAULT_GROUP): the guide gives every organisation that group, the
 * one machines are in until the admin sorts them into others, so a portal without it is not one the
 * guide describes. The delete reaches every app as a tombstone in the sync feed.
 */
export function deleteMachineGroup(db: Db, actor: Actor, groupId: string, ifMatch: string | undefined, now: Date): void {
  db.transaction(() => {
    const group = requireMachineGroup(db, actor.organisationId, groupId);
    checkIfMatch(ifMatch, group.version, WHAT);
    if (group.isDefault) {
      const message = 'The default machine group cannot be deleted: every organisation has it (it may be renamed)';
      throw new Problem(409, 'DEFAULT_GROUP', message, [{ field: 'id', code: 'DEFAULT_GROUP', message }]);
    }
    const vendors = prepared(db, 'SELECT COUNT(*) FROM grants WHERE group_id = ?').pluck().get(groupId) as number;
    if (vendors > 0) {
      const message = `${vendors} vendor(s) have access to this machine group: remove their access first`;
      throw new Problem(409, 'VENDORS_HAVE_ACCESS', message, [{ field: 'grants', code: 'VENDORS_HAVE_ACCESS', message }]);
    }
    const at = now.toISOString();
    prepared(db, 'DELETE FROM machine_groups WHERE id = ?').run(groupId);
    writeTombstone(db, 'machineGroup', groupId, actor.organisationId, at);
    writeAuditEvent(db, { actor, action: 'machineGroup.deleted', objectType: 'machineGroup', objectId: groupId, before: group, after: null, at });
  })();
}

import { machineGroupFullName } from '../../common/validation/machine-group-name';
import type { Db } from '../db/database';
import { prepared } from '../db/prepared';
import type { ProblemField } from '../http/problem';
import type { AccessReviewItem } from './access-review-repository';
import { getGrant, type Grant } from './grant-repository';
import { grantId } from './sync-types';

/** What a review item says about its grant; the rest (ids, the group's name) is checked on its own. */
type GrantVersion = Pick<Grant, 'mode' | 'grantedAt' | 'grantedBy' | 'expiresAt'> & { vendorName: string };

const COMPARED = ['vendorName', 'mode', 'grantedBy', 'expiresAt'] as const;

/**
 * The portal does not take a review's snapshot on the client's word: every item must be one version
 * of one of the organisation's grants as the portal itself recorded it — the grant as it is now, or
 * as its audit trail shows it before or after any change (removals and expiries included). So an
 * item for a grant that never existed is refused (grantId GRANT_NOT_FOUND), and so is one that
 * contradicts the portal's record (e.g. mode with_approval for a grant given without approval:
 * ITEM_CONTRADICTS_GRANT on that field), which is what would let "keeping access without approval
 * needs a justification" be skipped.
 *
 * An item for a grant that has since changed or gone is accepted when it matches the version the
 * portal had: a review started offline snapshots the app's cache, which may be older than the
 * portal's latest change, and the record must say what the reviewer saw. Refusing it would leave that
 * campaign unsendable for ever; the portal's history is what makes accepting it safe.
 *
 * Returns the newest grant time among the items (a snapshot cannot be older than what it holds).
 */
export function verifyReviewItems(db: Db, organisationId: string, items: readonly AccessReviewItem[], errors: ProblemField[]): string | undefined {
  const groups = ownGroupFullNames(db, organisationId);
  let newestGrant: string | undefined;
  items.forEach((item, index) => {
    const path = `items.${index}`;
    const fullNames = groups.get(item.groupId);
    if (fullNames === undefined) {
      errors.push({ field: `${path}.groupId`, code: 'MACHINE_GROUP_NOT_FOUND', message: 'Not one of your machine groups' });
      return;
    }
    const versions = item.grantId === grantId(item.groupId, item.vendorId) ? grantVersions(db, organisationId, item.groupId, item.vendorId) : [];
    if (versions.length === 0) {
      errors.push({ field: `${path}.grantId`, code: 'GRANT_NOT_FOUND', message: 'The portal has no record of this grant of this vendor on this machine group' });
      return;
    }
    const sameTime = versions.filter((version) => version.grantedAt === item.grantedAt);
    if (sameTime.length === 0) {
      errors.push({ field: `${path}.grantedAt`, code: 'GRANT_VERSION_NOT_FOUND', message: 'The portal has no version of this grant given at this time' });
      return;
    }
    const contradictions = [
      ...(fullNames.has(item.groupFullName) ? [] : [{ field: 'groupFullName', portal: [...fullNames].at(-1) }]),
      ...closestDifferences(item, sameTime),
    ];
    for (const { field, portal } of contradictions) {
      errors.push({ field: `${path}.${field}`, code: 'ITEM_CONTRADICTS_GRANT', message: `The portal's record of this grant says ${JSON.stringify(portal)}` });
    }
    if (contradictions.length === 0 && (newestGrant === undefined || item.grantedAt > newestGrant)) newestGrant = item.grantedAt;
  });
  return newestGrant;
}

/** The fields in which the item differs from the version it is nearest to: none when it matches one. */
function closestDifferences(item: AccessReviewItem, versions: readonly GrantVersion[]): Array<{ field: string; portal: unknown }> {
  let closest: Array<{ field: string; portal: unknown }> | undefined;
  for (const version of versions) {
    const differences = COMPARED.filter((field) => item[field] !== version[field]).map((field) => ({ field, portal: version[field] }));
    if (closest === undefined || differences.length < closest.length) closest = differences;
  }
  return closest ?? [];
}

/**
 * Every full name each of the organisation's groups has had, as its audit trail recorded them (created,
 * renamed, deleted), with the current one last: a snapshot taken before a rename carries the old name,
 * and one taken before a delete names a group that is gone. Seeded groups have no trail but a row.
 */
function ownGroupFullNames(db: Db, organisationId: string): Map<string, Set<string>> {
  const names = new Map<string, Set<string>>();
  const add = (groupId: string, fullName: unknown) => {
    if (typeof fullName !== 'string') return;
    const known = names.get(groupId) ?? new Set<string>();
    known.delete(fullName);
    known.add(fullName);
    names.set(groupId, known);
  };
  const events = prepared(db,
    `SELECT object_id, before_json, after_json FROM audit_events WHERE organisation_id = ? AND object_type = 'machineGroup' ORDER BY id`,
  ).all(organisationId) as Array<{ object_id: string; before_json: string | null; after_json: string | null }>;
  for (const event of events) {
    for (const json of [event.before_json, event.after_json]) {
      if (json !== null) add(event.object_id, (JSON.parse(json) as { fullName?: unknown }).fullName);
    }
  }
  const rows = prepared(db, 'SELECT g.id, g.name, o.prefix FROM machine_groups g JOIN organisations o ON o.id = g.organisation_id WHERE g.organisation_id = ?')
    .all(organisationId) as Array<{ id: string; name: string; prefix: string }>;
  for (const row of rows) add(row.id, machineGroupFullName(row.prefix, row.name));
  return names;
}

/** The grant as it is (if it still exists) and every state its audit events recorded, in no particular order. */
function grantVersions(db: Db, organisationId: string, groupId: string, vendorId: string): GrantVersion[] {
  const versions: GrantVersion[] = [];
  const current = getGrant(db, groupId, vendorId);
  if (current) versions.push(versionOf(current));
  const events = prepared(db,
    `SELECT before_json, after_json FROM audit_events
     WHERE organisation_id = ? AND object_type = 'grant' AND object_id = ? AND action LIKE 'grant.%'`,
  ).all(organisationId, grantId(groupId, vendorId)) as Array<{ before_json: string | null; after_json: string | null }>;
  for (const event of events) {
    for (const json of [event.before_json, event.after_json]) {
      if (json !== null) versions.push(versionOf(JSON.parse(json) as Grant));
    }
  }
  return versions;
}

function versionOf(grant: Grant): GrantVersion {
  return { vendorName: grant.vendor.name, mode: grant.mode, grantedAt: grant.grantedAt, grantedBy: grant.grantedBy, expiresAt: grant.expiresAt ?? null };
}

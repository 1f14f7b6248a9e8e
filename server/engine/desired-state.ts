import { machineGroupFullName } from '../../common/validation/machine-group-name';
import type { Db } from '../db/database';
import { prepared } from '../db/prepared';
import type { GrantMode } from '../domain/grant-repository';
import type { DesiredState } from './remote-support-engine';

/**
 * What the engine must hold, read from the portal's database in one snapshot: the groups of every
 * organisation that has accepted the terms (activating or active), every remote-support user who is not
 * deactivated (a deactivated user's account is deleted from the engine, which ends their sessions), and every
 * grant that has not expired at `now` (an expired grant is gone from the engine even before the portal has
 * settled its expiry).
 */
export function readDesiredState(db: Db, now: Date): DesiredState {
  return db.transaction(() => {
    const groups = prepared(db,
      `SELECT g.id, g.organisation_id, g.name, o.prefix FROM machine_groups g JOIN organisations o ON o.id = g.organisation_id
       WHERE o.service_status IN ('activating', 'active') ORDER BY g.id`,
    ).all() as Array<{ id: string; organisation_id: string; name: string; prefix: string }>;
    const accounts = prepared(db,
      `SELECT id, organisation_id, username, first_name, last_name, email FROM users WHERE is_remote_support_user = 1 AND deactivated_at IS NULL ORDER BY id`,
    ).all() as Array<{ id: string; organisation_id: string; username: string; first_name: string; last_name: string; email: string }>;
    const grants = prepared(db,
      `SELECT gr.group_id, gr.vendor_id, v.name AS vendor_name, gr.mode FROM grants gr
       JOIN organisations v ON v.id = gr.vendor_id
       JOIN machine_groups g ON g.id = gr.group_id JOIN organisations o ON o.id = g.organisation_id
       WHERE o.service_status IN ('activating', 'active') AND (gr.expires_at IS NULL OR gr.expires_at > ?)
       ORDER BY gr.group_id, gr.vendor_id`,
    ).all(now.toISOString()) as Array<{ group_id: string; vendor_id: string; vendor_name: string; mode: GrantMode }>;

    const membersByOrganisation = new Map<string, string[]>();
    for (const account of accounts) {
      const members = membersByOrganisation.get(account.organisation_id) ?? [];
      members.push(account.id);
      membersByOrganisation.set(account.organisation_id, members);
    }
    return {
      groups: groups.map((group) => ({ groupId: group.id, organisationId: group.organisation_id, fullName: machineGroupFullName(group.prefix, group.name) })),
      accounts: accounts.map((account) => ({
        userId: account.id,
        organisationId: account.organisation_id,
        username: account.username,
        displayName: `${account.first_name} ${account.last_name}`,
        email: account.email,
      })),
      accesses: grants.map((grant) => ({
        groupId: grant.group_id,
        vendorId: grant.vendor_id,
        vendorName: grant.vendor_name,
        mode: grant.mode,
        memberUserIds: membersByOrganisation.get(grant.vendor_id) ?? [],
      })),
    };
  })();
}

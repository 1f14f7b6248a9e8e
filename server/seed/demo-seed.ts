import { hashSecret } from '../auth/password';
import { generateTotpSecret } from '../auth/totp';
import type { Db } from '../db/database';
import { getGrant } from '../domain/grant-repository';
import { getMachineGroupById } from '../domain/machine-group-repository';
import { REMOTE_SUPPORT_TERMS } from '../domain/remote-support-terms';
import { getUserRow, toUser } from '../domain/user-repository';
import { DEMO_ADMIN, DEMO_ORGANISATION } from './demo-credentials';
import { DEMO_SESSIONS, demoSessionStart } from './demo-sessions';
import { SeedWriter } from './seed-writer';
import { DEMO_VENDOR_NAMES } from './vendor-names';

export const demoVendorId = (index: number): string => `org-vendor-${String(index + 1).padStart(2, '0')}`;

/** The two vendors that have granted the demo organisation access, as in the guide's chapter 4 picture. */
export const DEMO_GRANTING_VENDORS = {
  withApproval: { vendorIndex: 0, groupId: 'group-vendor-01-maskiner', groupName: 'Maskiner' },
  withoutApproval: { vendorIndex: 1, groupId: 'group-vendor-02-servere', groupName: 'Servere' },
} as const;

const DEMO_USERS = [
  { id: 'user-demo-kari', username: 'kari.nordmann', firstName: 'Kari', lastName: 'Nordmann', mobile: '+4791000001', twoFactor: 'totp' },
  { id: 'user-demo-ola', username: 'ola.aasen', firstName: 'Ola', lastName: 'Åsen', mobile: '+4791000002', twoFactor: 'yubikey' },
  { id: 'user-demo-ingrid', username: 'ingrid.saether', firstName: 'Ingrid', lastName: 'Sæther', mobile: '+4791000003', twoFactor: 'totp' },
] as const;

/**
 * "Norsk Helsenett test" with remote support INACTIVE (so activation can be shown), its portal admin
 * from demo-credentials.ts, three remote-support users, and 25 fictional vendors; two of them have
 * granted this organisation access: "Maskiner" with approval and "Servere" without, a year ago, and the
 * demo's technicians have used both since (demo-sessions.ts; each session is seen by its group's owner and by the
 * demo organisation, whose technicians they were).
 */
export async function seedDemo(db: Db, now: Date): Promise<void> {
  const passwordHash = await hashSecret(DEMO_ADMIN.password);
  const at = now.toISOString();
  // A year back: the demo's sessions on the two grants go back more than 90 days, and never before the grant.
  const activatedAt = new Date(now.getTime() - 365 * 24 * 60 * 60 * 1000).toISOString();

  db.transaction(() => {
    const seed = new SeedWriter(db);
    seed.organisation({ id: DEMO_ORGANISATION.id, name: DEMO_ORGANISATION.name, status: 'inactive' });
    seed.user({
      id: DEMO_ADMIN.id,
      organisationId: DEMO_ORGANISATION.id,
      username: DEMO_ADMIN.username,
      firstName: DEMO_ADMIN.firstName,
      lastName: DEMO_ADMIN.lastName,
      email: DEMO_ADMIN.email,
      mobile: DEMO_ADMIN.mobile,
      twoFactor: 'totp',
      totpSecret: DEMO_ADMIN.totpSecret,
      passwordHash,
      isPortalAdmin: true,
      isRemoteSupportUser: false,
      at,
    });
    for (const user of DEMO_USERS) {
      seed.user({
        ...user,
        organisationId: DEMO_ORGANISATION.id,
        email: `${user.username}@nhn-test.example`,
        totpSecret: user.twoFactor === 'totp' ? generateTotpSecret() : null,
        yubikeyPublicId: user.twoFactor === 'yubikey' ? 'ccccccbhjkln' : null,
        isPortalAdmin: false,
        isRemoteSupportUser: true,
        at,
      });
    }

    DEMO_VENDOR_NAMES.forEach((name, index) => {
      const id = demoVendorId(index);
      seed.organisation({ id, name, status: 'active', termsVersion: REMOTE_SUPPORT_TERMS.version, activatedAt });
      seed.group({ id: `group-vendor-${String(index + 1).padStart(2, '0')}-maskiner`, organisationId: id, name: 'Maskiner', at: activatedAt });
    });
    const servere = DEMO_GRANTING_VENDORS.withoutApproval;
    seed.group({ id: servere.groupId, organisationId: demoVendorId(servere.vendorIndex), name: servere.groupName, at: activatedAt });

    const grants = [
      { ...DEMO_GRANTING_VENDORS.withApproval, mode: 'with_approval' as const },
      { ...DEMO_GRANTING_VENDORS.withoutApproval, mode: 'without_approval' as const },
    ];
    for (const grant of grants) {
      seed.grant({ groupId: grant.groupId, organisationId: demoVendorId(grant.vendorIndex), vendorId: DEMO_ORGANISATION.id, mode: grant.mode, at: activatedAt });
    }

    for (const { id } of [DEMO_ADMIN, ...DEMO_USERS]) {
      seed.audit({ organisationId: DEMO_ORGANISATION.id, objectType: 'user', objectId: id, after: toUser(getUserRow(db, id)!), at });
    }
    const vendorGroups = db.prepare('SELECT id, organisation_id FROM machine_groups ORDER BY organisation_id, id').all() as Array<{ id: string; organisation_id: string }>;
    for (const group of vendorGroups) {
      seed.audit({ organisationId: group.organisation_id, objectType: 'machineGroup', objectId: group.id, after: getMachineGroupById(db, group.id)!, at: activatedAt });
    }
    for (const grant of grants) {
      const row = getGrant(db, grant.groupId, DEMO_ORGANISATION.id)!;
      seed.audit({ organisationId: demoVendorId(grant.vendorIndex), objectType: 'grant', objectId: row.id, after: row, at: activatedAt });
    }
    DEMO_SESSIONS.forEach((session, index) => {
      const granting = DEMO_GRANTING_VENDORS[session.grant];
      const owner = demoVendorId(granting.vendorIndex);
      const user = DEMO_USERS.find((candidate) => candidate.id === session.user)!;
      const startedAt = demoSessionStart(now, session);
      seed.session({
        key: `demo-${index + 1}`,
        organisationId: owner,
        groupId: granting.groupId,
        groupName: getMachineGroupById(db, granting.groupId)!.fullName,
        deviceId: `node//demo-${session.device.toLowerCase()}`,
        deviceName: session.device,
        user: { id: user.id, username: user.username, vendorId: DEMO_ORGANISATION.id, vendorName: DEMO_ORGANISATION.name },
        kind: session.kind,
        consent: session.consent,
        startedAt: startedAt.toISOString(),
        endedAt: new Date(startedAt.getTime() + session.minutes * 60_000).toISOString(),
      });
    });
    seed.finish();
  })();
}

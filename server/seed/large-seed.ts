import { randomBytes } from 'node:crypto';
import { MODHEX_ALPHABET } from '../../common/validation/yubikey-otp';
import { hashSecret } from '../auth/password';
import { generateTotpSecret } from '../auth/totp';
import type { Db } from '../db/database';
import { REMOTE_SUPPORT_TERMS } from '../domain/remote-support-terms';
import { DEMO_ADMIN, DEMO_ORGANISATION } from './demo-credentials';
import { SeedWriter } from './seed-writer';
import { vendorNames } from './vendor-names';

const VENDOR_COUNT = 200;
const GRANTS_PER_USER = 10;

function modhexPublicId(): string {
  return [...randomBytes(12)].map((byte) => MODHEX_ALPHABET[byte & 15]).join('');
}

/**
 * For benchmarks: the demo organisation (same admin, service ACTIVE) with `users` remote-support users,
 * users/5 machine groups, 10 x users grants spread over 200 vendors, and one granted group from every
 * tenth vendor. One transaction, prepared statements; no audit events (they would double the work).
 */
export async function seedLarge(db: Db, users: number, now: Date): Promise<void> {
  const passwordHash = await hashSecret(DEMO_ADMIN.password);
  const at = now.toISOString();
  const groupCount = Math.max(1, Math.floor(users / 5));
  const grantCount = users * GRANTS_PER_USER;
  if (grantCount > groupCount * VENDOR_COUNT) throw new Error(`large:${users} needs more than ${VENDOR_COUNT} vendors per group`);

  db.transaction(() => {
    const seed = new SeedWriter(db);
    const org = DEMO_ORGANISATION.id;
    seed.organisation({ id: org, name: DEMO_ORGANISATION.name, status: 'active', termsVersion: REMOTE_SUPPORT_TERMS.version, activatedAt: at });
    seed.user({
      id: DEMO_ADMIN.id,
      organisationId: org,
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

    const vendorIds = vendorNames(VENDOR_COUNT).map((name, index) => {
      const id = `org-large-vendor-${String(index + 1).padStart(3, '0')}`;
      seed.organisation({ id, name, status: 'active', termsVersion: REMOTE_SUPPORT_TERMS.version, activatedAt: at });
      if (index % 10 === 0) {
        const groupId = `group-large-vendor-${index + 1}`;
        seed.group({ id: groupId, organisationId: id, name: 'Maskiner', at });
        seed.grant({ groupId, organisationId: id, vendorId: org, mode: index % 20 === 0 ? 'with_approval' : 'without_approval', at });
      }
      return id;
    });

    for (let i = 0; i < users; i++) {
      const n = String(i + 1).padStart(6, '0');
      const totp = i % 2 === 0;
      seed.user({
        id: `user-large-${n}`,
        organisationId: org,
        username: `bruker.${n}`,
        firstName: 'Bruker',
        lastName: n,
        email: `bruker.${n}@nhn-test.example`,
        mobile: `+479${n.padStart(7, '0')}`,
        twoFactor: totp ? 'totp' : 'yubikey',
        totpSecret: totp ? generateTotpSecret() : null,
        yubikeyPublicId: totp ? null : modhexPublicId(),
        isPortalAdmin: false,
        isRemoteSupportUser: true,
        at,
      });
    }

    const groupIds: string[] = [];
    for (let g = 0; g < groupCount; g++) {
      const id = `group-large-${String(g + 1).padStart(6, '0')}`;
      seed.group({ id, organisationId: org, name: g === 0 ? 'Maskiner' : `Gruppe ${String(g + 1).padStart(6, '0')}`, at });
      groupIds.push(id);
    }
    // Grant i goes to group i mod G and vendor floor(i / G): every (group, vendor) pair at most once.
    for (let i = 0; i < grantCount; i++) {
      seed.grant({ groupId: groupIds[i % groupCount]!, organisationId: org, vendorId: vendorIds[Math.floor(i / groupCount)]!, mode: i % 3 === 0 ? 'without_approval' : 'with_approval', at });
    }
    seed.finish();
  })();
}

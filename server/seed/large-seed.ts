import { randomBytes } from 'node:crypto';
import { organisationPrefix } from '../../common/validation/organisation-prefix';
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
/** Each vendor's remote-support users: the technicians of the seeded sessions. */
const TECHNICIANS_PER_VENDOR = 2;
/** Machines per group the sessions are spread over. */
const DEVICES_PER_GROUP = 3;
/** The share of grants with sessions: the rest were never used (the review recommends removing them). */
const USED_GRANT_SHARE = 0.8;
const KINDS = ['desktop', 'terminal', 'files', 'desktop'] as const;
const ASKED_CONSENTS = ['given', 'given', 'given', 'refused', 'asked'] as const;
const MINUTE_MS = 60_000;
/** Sessions start between 2 hours and a year before `now`, spread evenly (a large prime step per session). */
const SESSION_SPREAD_MINUTES = 365 * 24 * 60 - 120;

function modhexPublicId(): string {
  return [...randomBytes(12)].map((byte) => MODHEX_ALPHABET[byte & 15]).join('');
}

/**
 * For benchmarks: the demo organisation (same admin, service ACTIVE) with `users` remote-support users,
 * users/5 machine groups, 10 x users grants spread over 200 vendors, one granted group from every tenth
 * vendor, and `sessions` remote-support sessions on 80 % of the organisation's grants over the last year, each by
 * one of two technicians of the grant's vendor (made only when there are sessions). One transaction, prepared
 * statements; no audit events (they would double the work).
 */
export async function seedLarge(db: Db, users: number, now: Date, sessions = 0): Promise<void> {
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

    const names = vendorNames(VENDOR_COUNT);
    const vendorIds = names.map((name, index) => {
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

    const technicians = vendorIds.map((vendorId, index) =>
      Array.from({ length: sessions > 0 ? TECHNICIANS_PER_VENDOR : 0 }, (_, t) => {
        const n = `${String(index + 1).padStart(3, '0')}.${t + 1}`;
        const user = { id: `user-large-vendor-${n}`, username: `tekniker.${n}`, vendorId, vendorName: names[index]! };
        seed.user({
          id: user.id,
          organisationId: vendorId,
          username: user.username,
          firstName: 'Tekniker',
          lastName: n,
          email: `tekniker.${n}@leverandor.example`,
          mobile: `+4748${String(index * TECHNICIANS_PER_VENDOR + t).padStart(6, '0')}`,
          twoFactor: 'totp',
          totpSecret: generateTotpSecret(),
          isPortalAdmin: false,
          isRemoteSupportUser: true,
          at,
        });
        return user;
      }),
    );

    const groups: Array<{ id: string; fullName: string }> = [];
    const prefix = organisationPrefix(DEMO_ORGANISATION.name);
    for (let g = 0; g < groupCount; g++) {
      const id = `group-large-${String(g + 1).padStart(6, '0')}`;
      const name = g === 0 ? 'Maskiner' : `Gruppe ${String(g + 1).padStart(6, '0')}`;
      seed.group({ id, organisationId: org, name, at });
      groups.push({ id, fullName: `${prefix}-${name}` });
    }
    // Grant i goes to group i mod G and vendor floor(i / G): every (group, vendor) pair at most once.
    const modeOfGrant = (i: number) => (i % 3 === 0 ? 'without_approval' : 'with_approval');
    for (let i = 0; i < grantCount; i++) {
      seed.grant({ groupId: groups[i % groupCount]!.id, organisationId: org, vendorId: vendorIds[Math.floor(i / groupCount)]!, mode: modeOfGrant(i), at });
    }

    const usedGrants = Math.max(1, Math.floor(grantCount * USED_GRANT_SHARE));
    for (let s = 0; s < sessions; s++) {
      const grant = s % usedGrants;
      const g = grant % groupCount;
      const group = groups[g]!;
      const device = s % DEVICES_PER_GROUP;
      // Knuth's multiplicative hash: kinds and answers vary within every grant, not in step with its group.
      const mix = Math.imul(s, 2_654_435_761) >>> 24;
      const startedAt = now.getTime() - (120 + ((s * 104_729) % SESSION_SPREAD_MINUTES)) * MINUTE_MS;
      seed.session({
        key: `large-${s + 1}`,
        organisationId: org,
        groupId: group.id,
        groupName: group.fullName,
        deviceId: `node//large-${g + 1}-${device + 1}`,
        deviceName: `PC-${String(g + 1).padStart(6, '0')}-${device + 1}`,
        user: technicians[Math.floor(grant / groupCount)]![s % TECHNICIANS_PER_VENDOR]!,
        kind: KINDS[mix % KINDS.length]!,
        consent: modeOfGrant(grant) === 'with_approval' ? ASKED_CONSENTS[mix % ASKED_CONSENTS.length]! : 'notNeeded',
        startedAt: new Date(startedAt).toISOString(),
        endedAt: new Date(startedAt + (2 + ((s * 31) % 88)) * MINUTE_MS).toISOString(),
      });
    }
    seed.finish();
  })();
}

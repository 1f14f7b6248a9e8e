import * as OTPAuth from 'otpauth';
import { hashSecret } from '../../auth/password';
import { generateTotpSecret } from '../../auth/totp';
import type { Db } from '../../db/database';
import { nextVersion } from '../../db/versions';

/** Rows for sign-in tests, written straight into the server's database (the API's user routes are part A's). */
export function insertOrganisation(
  db: Db,
  organisation: { id: string; name: string; isVendor?: boolean; serviceStatus?: 'inactive' | 'active' },
): void {
  db.prepare(
    `INSERT INTO organisations (id, name, prefix, name_key, is_vendor, service_status, version)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    organisation.id,
    organisation.name,
    organisation.name.replace(/\s+/g, ''),
    organisation.name.toLowerCase(),
    organisation.isVendor ? 1 : 0,
    organisation.serviceStatus ?? 'active',
    nextVersion(db),
  );
}

export interface TestUser {
  id: string;
  username: string;
  organisationId: string;
  password?: string;
  oneTimePassword?: string;
  /** ISO time; defaults to an hour from now when a one-time password is given. */
  oneTimePasswordExpiresAt?: string;
  twoFactor: 'totp' | 'yubikey';
  totpSecret?: string;
  yubikeyPublicId?: string;
  portalAdmin?: boolean;
}

export async function insertUser(db: Db, user: TestUser): Promise<TestUser> {
  const now = new Date().toISOString();
  db.prepare(
    `INSERT INTO users (id, organisation_id, username, first_name, last_name, email, mobile, two_factor, yubikey_public_id,
       totp_secret, password_hash, otp_hash, otp_expires_at, is_portal_admin, is_remote_support_user, created_at, updated_at, version)
     VALUES (@id, @organisationId, @username, 'Test', @lastName, @email, '+4790000000', @twoFactor, @yubikeyPublicId,
       @totpSecret, @passwordHash, @otpHash, @otpExpiresAt, @portalAdmin, 1, @now, @now, @version)`,
  ).run({
    id: user.id,
    organisationId: user.organisationId,
    username: user.username,
    lastName: user.username,
    email: `${user.username}@example.test`,
    twoFactor: user.twoFactor,
    yubikeyPublicId: user.yubikeyPublicId ?? null,
    totpSecret: user.totpSecret ?? null,
    passwordHash: user.password ? await hashSecret(user.password) : null,
    otpHash: user.oneTimePassword ? await hashSecret(user.oneTimePassword) : null,
    otpExpiresAt: user.oneTimePassword ? (user.oneTimePasswordExpiresAt ?? new Date(Date.now() + 3_600_000).toISOString()) : null,
    portalAdmin: user.portalAdmin ? 1 : 0,
    now,
    version: nextVersion(db),
  });
  return user;
}

/** Issues a new SMS one-time password the way the API's "Send engangspassord" does, without the SMS. */
export async function setOneTimePassword(db: Db, userId: string, oneTimePassword: string, expiresAt = new Date(Date.now() + 3_600_000)): Promise<void> {
  db.prepare('UPDATE users SET otp_hash = ?, otp_expires_at = ? WHERE id = ?').run(await hashSecret(oneTimePassword), expiresAt.toISOString(), userId);
}

export const newTotpSecret = generateTotpSecret;

/** An independent TOTP implementation (otpauth), as an authenticator app would compute the code. */
export function totpCode(secret: string, at: Date): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at.getTime() });
}

const MODHEX = 'cbdefghijklnrtuv';
/** A well-formed Yubico OTP for a key: its 12-char public id and 32 random modhex chars. */
export function yubikeyOtp(publicId: string): string {
  let tail = '';
  for (let index = 0; index < 32; index++) tail += MODHEX[Math.floor(Math.random() * 16)];
  return `${publicId}${tail}`;
}

/**
 * The server's clock for the tests: real time plus a skew that each sign-in moves on by a minute, so
 * every sign-in gets a fresh TOTP step (a step is accepted once per user) without waiting 30 s.
 */
export function steppingClock(): { now: () => Date; nextStep: () => Date } {
  let skewMs = 0;
  return {
    now: () => new Date(Date.now() + skewMs),
    nextStep: () => {
      skewMs += 60_000;
      return new Date(Date.now() + skewMs);
    },
  };
}

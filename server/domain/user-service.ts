import { randomUUID } from 'node:crypto';
import { checkEmail } from '../../common/validation/email';
import type { FieldCheck } from '../../common/validation/field-check';
import { checkMobile } from '../../common/validation/mobile';
import { checkPersonName } from '../../common/validation/person-name';
import { checkYubikeyOtp } from '../../common/validation/yubikey-otp';
import { hashSecret } from '../auth/password';
import { generateTotpSecret, otpauthUri, totpIssuer } from '../auth/totp';
import type { Db } from '../db/database';
import { prepared } from '../db/prepared';
import { nextVersion } from '../db/versions';
import { checkIfMatch, versionEtag } from '../http/if-match';
import { Problem, type ProblemField } from '../http/problem';
import type { Actor } from './actor';
import { writeAuditEvent } from './audit-log';
import { generateOneTimePassword } from './one-time-password';
import { requireOrganisation } from './organisation-repository';
import { enqueueMessage } from './outbox';
import { getUserRow, requireActiveUser, requireUserRow, toUser, type TwoFactor, type User, type UserRow } from './user-repository';
import { uniqueUsername } from './username';

const SERVICE_URL = 'https://hjelp.nhn.no/';

export interface NewUser {
  firstName: string;
  lastName: string;
  email: string;
  mobile: string;
  twoFactor: TwoFactor;
  yubikeyOtp?: string | undefined;
}

export interface UserChanges {
  email?: string | undefined;
  mobile?: string | undefined;
  twoFactor?: TwoFactor | undefined;
  yubikeyOtp?: string | undefined;
}

/** A user, with the otpauth URI when this request made a new TOTP secret (shown once, for the QR code). */
export type UserWithTotp = User & { otpauthUri?: string };

export interface UserServiceOptions {
  oneTimePasswordTtlMs: number;
}

class FieldErrors {
  readonly errors: ProblemField[] = [];

  check<T>(field: string, value: string | undefined, rule: (input: string) => FieldCheck<T>): T | undefined {
    if (value === undefined) return undefined;
    const result = rule(value);
    if (result.ok) return result.value;
    this.errors.push({ field, code: result.code, message: result.message });
    return undefined;
  }

  add(field: string, code: string, message: string): void {
    this.errors.push({ field, code, message });
  }

  throwIfAny(): void {
    if (this.errors.length > 0) throw new Problem(422, 'VALIDATION_FAILED', 'The request is not valid', this.errors);
  }
}

function totpUriFor(db: Db, row: Pick<UserRow, 'organisation_id' | 'username'>, secret: string): string {
  const organisation = requireOrganisation(db, row.organisation_id);
  return otpauthUri({ issuer: totpIssuer(organisation.name), account: row.username, secret });
}

function oneTimePasswordSms(db: Db, row: UserRow, password: string, expiresAt: string, createdAt: string): void {
  enqueueMessage(db, {
    channel: 'sms',
    recipient: row.mobile,
    userId: row.id,
    subject: null,
    body: `Engangspassord for Fjernhjelp (${row.username}): ${password}\nGjelder til ${expiresAt}.`,
    createdAt,
  });
}

/**
 * Creates a remote-support user (the guide, chapter 5): a unique username, an e-mail with the username
 * and service information, and an SMS with a one-time password whose scrypt hash alone is stored.
 */
export async function createUser(db: Db, actor: Actor, input: NewUser, now: Date, options: UserServiceOptions): Promise<UserWithTotp> {
  const errors = new FieldErrors();
  const firstName = errors.check('firstName', input.firstName, checkPersonName);
  const lastName = errors.check('lastName', input.lastName, checkPersonName);
  const email = errors.check('email', input.email, checkEmail);
  const mobile = errors.check('mobile', input.mobile, checkMobile);
  let yubikey: { otp: string; publicId: string } | undefined;
  if (input.twoFactor === 'yubikey') {
    if (input.yubikeyOtp === undefined) errors.add('yubikeyOtp', 'YUBIKEY_OTP_REQUIRED', 'Touch the user\'s Yubikey to register it');
    else yubikey = errors.check('yubikeyOtp', input.yubikeyOtp, checkYubikeyOtp);
  } else if (input.yubikeyOtp !== undefined) {
    errors.add('yubikeyOtp', 'YUBIKEY_OTP_NOT_ALLOWED', 'A Yubikey code is only given when the second factor is yubikey');
  }
  errors.throwIfAny();

  // scrypt is slow on purpose: hash before the transaction, which must not wait on anything.
  const password = generateOneTimePassword();
  const passwordHash = await hashSecret(password);
  const totpSecret = input.twoFactor === 'totp' ? generateTotpSecret() : null;

  return db.transaction(() => {
    const at = now.toISOString();
    const expiresAt = new Date(now.getTime() + options.oneTimePasswordTtlMs).toISOString();
    const id = randomUUID();
    if (yubikey) requireYubikeyFree(db, yubikey.publicId);
    const username = uniqueUsername(db, firstName!, lastName!);
    prepared(db, 
      `INSERT INTO users (id, organisation_id, username, first_name, last_name, email, mobile, two_factor, yubikey_public_id,
         totp_secret, otp_hash, otp_expires_at, is_portal_admin, is_remote_support_user, created_at, updated_at, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1, ?, ?, ?)`,
    ).run(id, actor.organisationId, username, firstName, lastName, email, mobile, input.twoFactor, yubikey?.publicId ?? null,
      totpSecret, passwordHash, expiresAt, at, at, nextVersion(db));
    if (yubikey) markYubikeyOtpUsed(db, yubikey.otp, id, at);
    const row = getUserRow(db, id)!;
    const user = toUser(row);
    writeAuditEvent(db, { actor, action: 'user.created', objectType: 'user', objectId: id, before: null, after: user, at });
    const organisation = requireOrganisation(db, actor.organisationId);
    enqueueMessage(db, {
      channel: 'email',
      recipient: row.email,
      userId: id,
      subject: 'Du har fått en bruker i Fjernhjelp',
      body: [
        `Hei ${row.first_name}!`,
        '',
        `${organisation.name} har opprettet en fjernhjelp-bruker til deg.`,
        '',
        `Brukernavn: ${row.username}`,
        '',
        `Du får et engangspassord på SMS til ${row.mobile}. Til to-faktorautentisering bruker du ${
          row.two_factor === 'totp' ? 'en app som Google Authenticator; QR-koden får du fra din kundeportaladministrator' : 'din Yubikey'
        }.`,
        `Fjernhjelp-tjenesten finner du på ${SERVICE_URL}`,
      ].join('\n'),
      createdAt: at,
    });
    oneTimePasswordSms(db, row, password, expiresAt, at);
    return totpSecret ? { ...user, otpauthUri: totpUriFor(db, row, totpSecret) } : user;
  })();
}

/**
 * One Yubikey is one person's: a public id that another user holds, in any organisation, is refused
 * (409 on the field). The key's own user may register a new touch of it. Call inside the transaction
 * that stores it; the schema's triggers refuse it too, as the last line.
 */
function requireYubikeyFree(db: Db, publicId: string, userId?: string): void {
  const holder = prepared(db, 'SELECT id FROM users WHERE yubikey_public_id = ? AND id IS NOT ? LIMIT 1').get(publicId, userId ?? null);
  if (holder) {
    throw new Problem(409, 'YUBIKEY_IN_USE', 'This Yubikey is registered to another user', [
      { field: 'yubikeyOtp', code: 'YUBIKEY_IN_USE', message: `The Yubikey with public id ${publicId} belongs to another user; use the user's own key` },
    ]);
  }
}

/** The OTP typed to register a key is spent: it must not sign anyone in later. */
function markYubikeyOtpUsed(db: Db, otp: string, userId: string, at: string): void {
  prepared(db, 'INSERT OR IGNORE INTO yubikey_used_otps (otp, user_id, used_at) VALUES (?, ?, ?)').run(otp, userId, at);
}

export const userEtag = versionEtag;

/** PATCH /users/{id}: e-mail, mobile and second factor (the guide, 5.1). */
export function updateUser(db: Db, actor: Actor, userId: string, ifMatch: string | undefined, changes: UserChanges, now: Date): UserWithTotp {
  return db.transaction(() => {
    const row = requireUserRow(db, actor.organisationId, userId);
    checkIfMatch(ifMatch, row.version, 'the user');

    const errors = new FieldErrors();
    const email = errors.check('email', changes.email, checkEmail) ?? row.email;
    const mobile = errors.check('mobile', changes.mobile, checkMobile) ?? row.mobile;
    const twoFactor = changes.twoFactor ?? row.two_factor;
    let yubikeyPublicId = row.yubikey_public_id;
    let yubikeyOtp: string | undefined;
    if (twoFactor === 'yubikey') {
      const checked = errors.check('yubikeyOtp', changes.yubikeyOtp, checkYubikeyOtp);
      if (checked) ({ publicId: yubikeyPublicId, otp: yubikeyOtp } = checked);
      else if (changes.yubikeyOtp === undefined && row.two_factor !== 'yubikey') {
        errors.add('yubikeyOtp', 'YUBIKEY_OTP_REQUIRED', 'Touch the user\'s Yubikey to register it');
      }
    } else {
      if (changes.yubikeyOtp !== undefined) {
        errors.add('yubikeyOtp', 'YUBIKEY_OTP_NOT_ALLOWED', 'A Yubikey code is only given when the second factor is yubikey');
      }
      yubikeyPublicId = null;
    }
    errors.throwIfAny();
    if (yubikeyOtp) requireYubikeyFree(db, yubikeyPublicId!, userId);

    // Switching to TOTP makes a new secret; switching away drops the old one so it cannot be used.
    const newTotpSecret = twoFactor === 'totp' && row.two_factor !== 'totp' ? generateTotpSecret() : undefined;
    const totpSecret = twoFactor === 'totp' ? (newTotpSecret ?? row.totp_secret) : null;
    const unchanged =
      email === row.email && mobile === row.mobile && twoFactor === row.two_factor && yubikeyPublicId === row.yubikey_public_id;
    if (unchanged) return toUser(row);

    const at = now.toISOString();
    prepared(db, 
      `UPDATE users SET email = ?, mobile = ?, two_factor = ?, yubikey_public_id = ?, totp_secret = ?, updated_at = ?, version = ?
       WHERE id = ?`,
    ).run(email, mobile, twoFactor, yubikeyPublicId, totpSecret, at, nextVersion(db), userId);
    if (yubikeyOtp) markYubikeyOtpUsed(db, yubikeyOtp, userId, at);
    const after = getUserRow(db, userId)!;
    const user = toUser(after);
    writeAuditEvent(db, { actor, action: 'user.changed', objectType: 'user', objectId: userId, before: toUser(row), after: user, at });
    return newTotpSecret ? { ...user, otpauthUri: totpUriFor(db, after, newTotpSecret) } : user;
  })();
}

export interface OneTimePasswordReceipt {
  channel: 'sms';
  recipient: string;
  expiresAt: string;
}

/** "Send engangspassord": a new one-time password replaces the old one and goes out by SMS. */
export async function sendOneTimePassword(db: Db, actor: Actor, userId: string, now: Date, options: UserServiceOptions): Promise<OneTimePasswordReceipt> {
  requireActiveUser(requireUserRow(db, actor.organisationId, userId));
  const password = generateOneTimePassword();
  const passwordHash = await hashSecret(password);
  return db.transaction(() => {
    // Checked again: the user could have gone, or been deactivated, while scrypt ran.
    const row = requireUserRow(db, actor.organisationId, userId);
    requireActiveUser(row);
    const at = now.toISOString();
    const expiresAt = new Date(now.getTime() + options.oneTimePasswordTtlMs).toISOString();
    prepared(db, 'UPDATE users SET otp_hash = ?, otp_expires_at = ? WHERE id = ?').run(passwordHash, expiresAt, userId);
    oneTimePasswordSms(db, row, password, expiresAt, at);
    writeAuditEvent(db, {
      actor,
      action: 'user.one_time_password_sent',
      objectType: 'user',
      objectId: userId,
      before: null,
      after: { recipient: row.mobile, expiresAt },
      at,
    });
    return { channel: 'sms' as const, recipient: row.mobile, expiresAt };
  })();
}

function requireTotpUser(row: UserRow): void {
  if (row.two_factor !== 'totp') {
    throw new Problem(409, 'TWO_FACTOR_NOT_TOTP', 'This user signs in with a Yubikey, not an authenticator app');
  }
}

/** "Lag ny to-faktorkode": a new TOTP secret; the old QR code stops working. */
export function replaceTotpSecret(db: Db, actor: Actor, userId: string, now: Date): { otpauthUri: string } {
  return db.transaction(() => {
    const row = requireUserRow(db, actor.organisationId, userId);
    requireTotpUser(row);
    const secret = generateTotpSecret();
    const at = now.toISOString();
    prepared(db, 'UPDATE users SET totp_secret = ? WHERE id = ?').run(secret, userId);
    writeAuditEvent(db, { actor, action: 'user.totp_replaced', objectType: 'user', objectId: userId, before: null, after: null, at });
    return { otpauthUri: totpUriFor(db, row, secret) };
  })();
}

/** "Last ned nåværende QR-kode på nytt": the current secret's URI. */
export function currentTotpUri(db: Db, actor: Actor, userId: string): { otpauthUri: string } {
  const row = requireUserRow(db, actor.organisationId, userId);
  requireTotpUser(row);
  if (!row.totp_secret) throw new Problem(409, 'TWO_FACTOR_NOT_TOTP', 'This user has no authenticator secret; make a new one');
  return { otpauthUri: totpUriFor(db, row, row.totp_secret) };
}

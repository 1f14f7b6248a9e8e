import { createHash } from 'node:crypto';
import type { Db } from '../db/database';
import type { LoginAttempt, LoginThrottle } from './login-throttle';
import { hashSecret, verifySecret } from './password';
import { principalForUser } from './principal';
import { verifyTotp } from './totp';
import type { YubikeyValidator } from './yubikey-validator';

export type SecondFactorKind = 'totp' | 'yubikey';

/** What the first step proved; kept server-side in the interaction until the second factor is given. */
export interface FirstFactor {
  userId: string;
  username: string;
  /** Portal administrators use their password; remote-support users the one-time password from the SMS. */
  method: 'password' | 'one-time-password';
  secondFactor: SecondFactorKind;
  /** For the one-time password: which issued password was used, so a newer one is not consumed instead. */
  otpFingerprint?: string;
}

export type SignInError =
  | 'invalid-credentials'
  | 'throttled'
  | 'no-second-factor'
  | 'invalid-code'
  | 'code-reused'
  | 'one-time-password-used'
  | 'deactivated';

export type SignInFailure = { ok: false; error: SignInError; delayMs: number; waitMs?: number };

interface UserRow {
  id: string;
  username: string;
  password_hash: string | null;
  otp_hash: string | null;
  otp_expires_at: string | null;
  two_factor: SecondFactorKind;
  totp_secret: string | null;
  yubikey_public_id: string | null;
  deactivated_at: string | null;
}

const fingerprint = (value: string): string => createHash('sha256').update(value).digest('base64url');

/**
 * The two sign-in steps, independent of HTML: username + password (or SMS one-time password), then the
 * user's own second factor. Each step reserves its attempt with the throttle before it checks anything,
 * so parallel attempts for one username are not all checked; failures are counted per username and the
 * caller holds back its answer for `delayMs`. The SMS one-time password is single-use: it is consumed
 * when a sign-in with it completes (not when only the first step passes, so a mistyped code does not
 * burn it). A step that throws leaves its attempt counted as a failure.
 */
export function createSignIn(deps: { db: Db; now: () => Date; throttle: LoginThrottle; yubikey: YubikeyValidator }) {
  const { db, now, throttle, yubikey } = deps;
  const selectColumns = 'id, username, password_hash, otp_hash, otp_expires_at, two_factor, totp_secret, yubikey_public_id, deactivated_at';
  const byUsername = db.prepare(`SELECT ${selectColumns} FROM users WHERE username = ?`);
  const byId = db.prepare(`SELECT ${selectColumns} FROM users WHERE id = ?`);
  const claimTotpStep = db.prepare(
    `INSERT INTO totp_last_steps (user_id, step) VALUES (?, ?)
     ON CONFLICT (user_id) DO UPDATE SET step = excluded.step WHERE excluded.step > totp_last_steps.step`,
  );
  const consumeOtp = db.prepare('UPDATE users SET otp_hash = NULL, otp_expires_at = NULL WHERE id = ? AND otp_hash = ?');
  // Unknown usernames still cost one scrypt, so response times do not reveal which usernames exist.
  const dummyHash = hashSecret('no such user');

  const fail = (attempt: LoginAttempt, error: SignInError): SignInFailure => ({ ok: false, error, delayMs: attempt.failed() });
  const throttled = (waitMs: number): SignInFailure => ({ ok: false, error: 'throttled', delayMs: 0, waitMs });

  async function checkCredentials(usernameInput: string, secret: string): Promise<{ ok: true; firstFactor: FirstFactor } | SignInFailure> {
    const username = usernameInput.trim();
    const reservation = throttle.begin(username);
    if (!reservation.ok) return throttled(reservation.waitMs);
    const { attempt } = reservation;

    const row = byUsername.get(username) as UserRow | undefined;
    if (!row) {
      await verifySecret(secret, await dummyHash);
      return fail(attempt, 'invalid-credentials');
    }
    let method: FirstFactor['method'] | undefined;
    if (row.password_hash && (await verifySecret(secret, row.password_hash))) {
      method = 'password';
    } else if (
      row.otp_hash &&
      row.otp_expires_at &&
      Date.parse(row.otp_expires_at) > now().getTime() &&
      (await verifySecret(secret, row.otp_hash))
    ) {
      method = 'one-time-password';
    }
    // Said only to someone who knew the secret: it tells them whom to ask, and a guesser learns nothing.
    if (method && row.deactivated_at !== null) return fail(attempt, 'deactivated');
    if (!method || !principalForUser(db, row.id)?.roles.length) return fail(attempt, 'invalid-credentials');

    const hasSecondFactor = row.two_factor === 'totp' ? Boolean(row.totp_secret) : Boolean(row.yubikey_public_id);
    if (!hasSecondFactor) return fail(attempt, 'no-second-factor');

    attempt.passed();
    return {
      ok: true,
      firstFactor: {
        userId: row.id,
        username: row.username,
        method,
        secondFactor: row.two_factor,
        ...(method === 'one-time-password' && row.otp_hash ? { otpFingerprint: fingerprint(row.otp_hash) } : {}),
      },
    };
  }

  /** On success returns the RFC 8176 authentication method references for the ID token's `amr`. */
  async function checkSecondFactor(first: FirstFactor, codeInput: string): Promise<{ ok: true; amr: string[] } | SignInFailure> {
    const reservation = throttle.begin(first.username);
    if (!reservation.ok) return throttled(reservation.waitMs);
    const { attempt } = reservation;
    const row = byId.get(first.userId) as UserRow | undefined;
    if (!row || row.two_factor !== first.secondFactor) return fail(attempt, 'invalid-code');
    // Deactivated between the two steps: the first step's proof no longer counts.
    if (row.deactivated_at !== null) return fail(attempt, 'deactivated');
    const code = codeInput.replace(/\s+/g, '');

    if (row.two_factor === 'totp') {
      const step = row.totp_secret ? verifyTotp(row.totp_secret, code, now()) : undefined;
      if (step === undefined) return fail(attempt, 'invalid-code');
      // A code is accepted once: the step must be later than the last one this user signed in with.
      if (claimTotpStep.run(row.id, step).changes !== 1) return fail(attempt, 'code-reused');
    } else {
      const result = row.yubikey_public_id
        ? await yubikey.validate({ userId: row.id, otp: code.toLowerCase(), publicId: row.yubikey_public_id })
        : ({ ok: false, reason: 'rejected' } as const);
      if (!result.ok) return fail(attempt, result.reason === 'replayed' ? 'code-reused' : 'invalid-code');
    }

    if (first.method === 'one-time-password') {
      const current = byId.get(first.userId) as UserRow | undefined;
      const unchanged = current?.otp_hash && fingerprint(current.otp_hash) === first.otpFingerprint;
      // Compare-and-clear: of two sign-ins racing with the same one-time password, only one completes.
      if (!unchanged || consumeOtp.run(first.userId, current.otp_hash).changes !== 1) {
        return fail(attempt, 'one-time-password-used');
      }
    }

    attempt.signedIn();
    return { ok: true, amr: [first.method === 'password' ? 'pwd' : 'sms', row.two_factor === 'totp' ? 'otp' : 'hwk', 'mfa'] };
  }

  return { checkCredentials, checkSecondFactor };
}

export type SignIn = ReturnType<typeof createSignIn>;

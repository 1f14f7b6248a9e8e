import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/database';
import { createLoginThrottle, defaultLoginFailureDelay, type AttemptReservation, type LoginAttempt } from './login-throttle';

function reserved(reservation: AttemptReservation): LoginAttempt {
  if (!reservation.ok) throw new Error(`refused, ${reservation.waitMs} ms left`);
  return reservation.attempt;
}

describe('login throttle', () => {
  let dir: string;
  let db: Db;
  let now: Date;
  const later = (ms: number): void => {
    now = new Date(now.getTime() + ms);
  };
  const row = (username: string) => db.prepare('SELECT count, last_failed_at FROM login_failures WHERE username = ?').get(username);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'throttle-'));
    db = openDatabase(join(dir, 'portal.db'));
    now = new Date('2026-03-01T10:00:00Z');
  });

  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has a default delay that doubles per failure and is capped', () => {
    const delays = [1, 2, 3, 4, 5, 10, 50].map(defaultLoginFailureDelay);
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 30_000, 30_000]);
    expect(defaultLoginFailureDelay(0)).toBe(0);
  });

  it('counts failures per username (case-insensitively), refuses attempts inside the delay, and clears on sign-in', () => {
    const throttle = createLoginThrottle(db, () => now, (failures) => failures * 1000);
    expect(reserved(throttle.begin('Kari')).failed()).toBe(1000);
    expect(throttle.begin('kari ')).toEqual({ ok: false, waitMs: 1000 });
    later(1000);
    expect(reserved(throttle.begin('KARI')).failed()).toBe(2000);
    expect(row('kari')).toEqual({ count: 2, last_failed_at: now.toISOString() });
    later(1500);
    expect(throttle.begin('kari')).toEqual({ ok: false, waitMs: 500 });
    expect(throttle.begin('someone-else').ok).toBe(true);
    later(500);
    reserved(throttle.begin('kari')).signedIn();
    expect(row('kari')).toBeUndefined();
  });

  it('reserves the attempt before the check: a second attempt is refused while the first is being checked', () => {
    const throttle = createLoginThrottle(db, () => now, (failures) => failures * 1000);
    const first = reserved(throttle.begin('kari'));
    expect(throttle.begin('Kari')).toEqual({ ok: false, waitMs: 1000 });
    // Another connection to the same file (another process) sees the reservation too.
    const other = openDatabase(join(dir, 'portal.db'));
    try {
      expect(createLoginThrottle(other, () => now, (failures) => failures * 1000).begin('kari').ok).toBe(false);
    } finally {
      other.close();
    }
    later(300);
    // The delay counts from the failure's answer.
    expect(first.failed()).toBe(1000);
    expect(throttle.begin('kari')).toEqual({ ok: false, waitMs: 1000 });
  });

  it('takes a passed step back without clearing earlier failures, and without holding up the next step', () => {
    const throttle = createLoginThrottle(db, () => now, (failures) => failures * 1000);
    reserved(throttle.begin('kari')).failed();
    const failedAt = now.toISOString();
    later(1000);
    reserved(throttle.begin('kari')).passed();
    expect(row('kari')).toEqual({ count: 1, last_failed_at: failedAt });
    // The second factor may be tried at once: only the earlier failure's delay counts, and it has run.
    const secondStep = reserved(throttle.begin('kari'));
    secondStep.passed();
    expect(() => secondStep.failed()).toThrow('settled once');

    // Without earlier failures a passed step leaves nothing behind.
    reserved(throttle.begin('ola')).passed();
    expect(row('ola')).toBeUndefined();
  });
});

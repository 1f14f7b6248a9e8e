import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { createLoginThrottle, defaultLoginFailureDelay } from './login-throttle';

describe('login throttle', () => {
  it('has a default delay that doubles per failure and is capped', () => {
    const delays = [1, 2, 3, 4, 5, 10, 50].map(defaultLoginFailureDelay);
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 30_000, 30_000]);
    expect(defaultLoginFailureDelay(0)).toBe(0);
  });

  it('counts failures per username (case-insensitively), refuses attempts inside the delay, and resets', () => {
    const dir = mkdtempSync(join(tmpdir(), 'throttle-'));
    const db = openDatabase(join(dir, 'portal.db'));
    let now = new Date('2026-03-01T10:00:00Z');
    const throttle = createLoginThrottle(db, () => now, (failures) => failures * 1000);
    expect(throttle.recordFailure('Kari')).toBe(1000);
    expect(throttle.recordFailure('kari ')).toBe(2000);
    expect(throttle.failures('KARI')).toBe(2);
    expect(throttle.waitRemainingMs('kari')).toBe(2000);
    now = new Date(now.getTime() + 1500);
    expect(throttle.waitRemainingMs('kari')).toBe(500);
    expect(throttle.waitRemainingMs('someone-else')).toBe(0);
    throttle.reset('kari');
    expect(throttle.failures('kari')).toBe(0);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

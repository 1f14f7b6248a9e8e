import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { createReferenceYubikeyValidator, isYubikeyOtp } from './yubikey-validator';

describe('reference Yubikey validator', () => {
  it('checks format, public id and replay', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yubikey-'));
    const db = openDatabase(join(dir, 'portal.db'));
    const validator = createReferenceYubikeyValidator(db, () => new Date());
    const publicId = 'cccjgjgkhcbb';
    const otp = `${publicId}${'cbdefghijklnrtuv'.repeat(2)}`;
    expect(isYubikeyOtp(otp)).toBe(true);
    expect(await validator.validate({ userId: 'u1', otp, publicId })).toEqual({ ok: true });
    expect(await validator.validate({ userId: 'u1', otp, publicId })).toEqual({ ok: false, reason: 'replayed' });
    expect(await validator.validate({ userId: 'u1', otp: `cccccccccccb${otp.slice(12)}`, publicId })).toEqual({ ok: false, reason: 'wrong-key' });
    expect(await validator.validate({ userId: 'u1', otp: otp.slice(1), publicId })).toEqual({ ok: false, reason: 'malformed' });
    expect(await validator.validate({ userId: 'u1', otp: `${otp.slice(0, 43)}a`, publicId })).toEqual({ ok: false, reason: 'malformed' });
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

import { describe, expect, it } from 'vitest';
import { checkYubikeyOtp } from './yubikey-otp';

const OTP = 'ccccccbchvthlivuitriujjifivbvtrjkjfirllluurj';

describe('checkYubikeyOtp', () => {
  it('accepts 44 modhex characters and takes the first 12 as the public id', () => {
    expect(OTP).toHaveLength(44);
    expect(checkYubikeyOtp(` ${OTP} `)).toEqual({ ok: true, value: { otp: OTP, publicId: 'ccccccbchvth' } });
  });

  it.each([
    ['', 'YUBIKEY_OTP_REQUIRED'],
    [OTP.slice(0, 43), 'YUBIKEY_OTP_INVALID'],
    [`${OTP}c`, 'YUBIKEY_OTP_INVALID'],
    [`${OTP.slice(0, 43)}a`, 'YUBIKEY_OTP_INVALID'],
    [OTP.toUpperCase(), 'YUBIKEY_OTP_INVALID'],
    ['1'.repeat(44), 'YUBIKEY_OTP_INVALID'],
  ])('refuses %j with %s', (input, code) => {
    expect(checkYubikeyOtp(input)).toMatchObject({ ok: false, code });
  });
});

import { describe, expect, it } from 'vitest';
import { checkYubikeyOtp } from './yubikey-otp';

const OTP = 'ccccccbchvthlivuitriujjifivbvtrjkjfirllluurj';

describe('checkYubikeyOtp', () => {
  it('accepts 44 modhex characters and takes the first 12 as the public id', () => {
    expect(OTP).toHaveLength(44);
    expect(checkYubikeyOtp(` ${OTP} `)).toEqual({ ok: true, value: { otp: OTP, publicId: 'ccccccbchvth' } });
  });

  it('takes the code typed with Caps Lock on (upper-case modhex) as the same code, in lower case', () => {
    expect(checkYubikeyOtp(OTP.toUpperCase())).toEqual({ ok: true, value: { otp: OTP, publicId: 'ccccccbchvth' } });
    expect(checkYubikeyOtp(`CCCCCC${OTP.slice(6)}`)).toEqual({ ok: true, value: { otp: OTP, publicId: 'ccccccbchvth' } });
  });

  it.each([
    ['', 'YUBIKEY_OTP_REQUIRED', 'Touch the Yubikey'],
    [OTP.slice(0, 43), 'YUBIKEY_OTP_LENGTH', 'exactly 44 characters, not 43'],
    [`${OTP}c`, 'YUBIKEY_OTP_LENGTH', 'exactly 44 characters, not 45'],
    [`${OTP}${OTP}`, 'YUBIKEY_OTP_LENGTH', 'exactly 44 characters, not 88'],
    [`${OTP.slice(0, 43)}a`, 'YUBIKEY_OTP_CHARACTERS', 'not "a"'],
    [`${OTP.slice(0, 20)} ${OTP.slice(21)}`, 'YUBIKEY_OTP_CHARACTERS', 'not " "'],
    ['1'.repeat(44), 'YUBIKEY_OTP_CHARACTERS', 'not "1"'],
  ])('refuses %j with %s, saying what is wrong', (input, code, message) => {
    const result = checkYubikeyOtp(input);
    expect(result).toMatchObject({ ok: false, code });
    expect(!result.ok && result.message).toContain(message);
  });
});

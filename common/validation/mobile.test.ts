import { describe, expect, it } from 'vitest';
import { checkMobile } from './mobile';

describe('checkMobile', () => {
  it.each([
    ['91234567', '+4791234567'],
    ['912 34 567', '+4791234567'],
    ['+47 912 34 567', '+4791234567'],
    ['004791234567', '+4791234567'],
    ['+46701234567', '+46701234567'],
    ['+1 (415) 555-2671', '+14155552671'],
  ])('normalises %s to %s', (input, expected) => {
    expect(checkMobile(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'MOBILE_REQUIRED'],
    ['1234567', 'MOBILE_INVALID'],
    ['912345678', 'MOBILE_INVALID'],
    ['+47912345', 'MOBILE_INVALID'],
    ['+0123456789', 'MOBILE_INVALID'],
    ['+4791234567890123', 'MOBILE_INVALID'],
    ['tlf 91234567', 'MOBILE_INVALID'],
  ])('refuses %j with %s', (input, code) => {
    expect(checkMobile(input)).toMatchObject({ ok: false, code });
  });
});

import { describe, expect, it } from 'vitest';
import type { User } from '../portal/portal-types';
import { checkNewUser, checkUserEdit, draftFromUser, emptyNewUserDraft } from './user-form';

const OTP = 'ccccccdefghijklnrtuvcbdefghijklnrtuvcbdefghi';

const kari: User = {
  id: 'user-demo-kari',
  username: 'kari.nordmann',
  firstName: 'Kari',
  lastName: 'Nordmann',
  email: 'kari.nordmann@nhn-test.example',
  mobile: '+4791000001',
  twoFactor: 'totp',
  yubikeyPublicId: null,
  roles: ['remote-support-user'],
  status: 'active',
  deactivatedAt: null,
  engineStatus: { state: 'active', reason: null },
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  version: 7,
};

describe('checkNewUser', () => {
  it('reports every missing field of an empty form', () => {
    expect(checkNewUser(emptyNewUserDraft)).toEqual({
      errors: { firstName: 'NAME_REQUIRED', lastName: 'NAME_REQUIRED', email: 'EMAIL_REQUIRED', mobile: 'MOBILE_REQUIRED' },
      input: undefined,
    });
  });

  it('normalises a valid TOTP user and sends no Yubikey code', () => {
    const draft = { ...emptyNewUserDraft, firstName: ' Per ', lastName: 'Hansen', email: 'per@Example.NO', mobile: '912 34 567', yubikeyOtp: 'left over' };
    expect(checkNewUser(draft)).toEqual({
      errors: {},
      input: { firstName: 'Per', lastName: 'Hansen', email: 'per@example.no', mobile: '+4791234567', twoFactor: 'totp' },
    });
  });

  it('requires a well-formed Yubikey code only for Yubikey users', () => {
    const draft = { ...emptyNewUserDraft, firstName: 'Per', lastName: 'Hansen', email: 'per@example.no', mobile: '91234567', twoFactor: 'yubikey' as const };
    expect(checkNewUser(draft).errors).toEqual({ yubikeyOtp: 'YUBIKEY_OTP_REQUIRED' });
    expect(checkNewUser({ ...draft, yubikeyOtp: 'cccccc' }).errors).toEqual({ yubikeyOtp: 'YUBIKEY_OTP_LENGTH' });
    expect(checkNewUser({ ...draft, yubikeyOtp: OTP.toUpperCase() }).input).toMatchObject({ twoFactor: 'yubikey', yubikeyOtp: OTP });
    expect(checkNewUser({ ...draft, yubikeyOtp: OTP }).input).toMatchObject({ twoFactor: 'yubikey', yubikeyOtp: OTP });
  });
});

describe('checkUserEdit', () => {
  it('sees nothing changed in the loaded user, or in a value that normalises to the same', () => {
    expect(checkUserEdit(kari, draftFromUser(kari))).toEqual({ errors: {}, changes: {}, changed: false });
    expect(checkUserEdit(kari, { ...draftFromUser(kari), mobile: '910 00 001' }).changed).toBe(false);
  });

  it('sends only the changed, normalised fields', () => {
    expect(checkUserEdit(kari, { ...draftFromUser(kari), mobile: '92 00 00 01' })).toEqual({ errors: {}, changes: { mobile: '+4792000001' }, changed: true });
  });

  it('counts an invalid edit as a change, with its error', () => {
    expect(checkUserEdit(kari, { ...draftFromUser(kari), email: 'kari@' })).toEqual({ errors: { email: 'EMAIL_INVALID' }, changes: {}, changed: true });
  });

  it('requires a Yubikey code to switch to Yubikey', () => {
    const switching = { ...draftFromUser(kari), twoFactor: 'yubikey' as const };
    expect(checkUserEdit(kari, switching)).toEqual({ errors: { yubikeyOtp: 'YUBIKEY_OTP_REQUIRED' }, changes: { twoFactor: 'yubikey' }, changed: true });
    expect(checkUserEdit(kari, { ...switching, yubikeyOtp: OTP }).changes).toEqual({ twoFactor: 'yubikey', yubikeyOtp: OTP });
  });

  it('lets a Yubikey user keep the key, or register a new one', () => {
    const ola: User = { ...kari, twoFactor: 'yubikey', yubikeyPublicId: 'ccccccbhjkln' };
    expect(checkUserEdit(ola, draftFromUser(ola)).changed).toBe(false);
    expect(checkUserEdit(ola, { ...draftFromUser(ola), yubikeyOtp: OTP }).changes).toEqual({ yubikeyOtp: OTP });
    expect(checkUserEdit(ola, { ...draftFromUser(ola), twoFactor: 'totp' }).changes).toEqual({ twoFactor: 'totp' });
  });
});

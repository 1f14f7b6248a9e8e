import * as OTPAuth from 'otpauth';
import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode } from './base32';
import { currentTotp, generateTotpSecret, otpauthUri, totpAt, totpIssuer, verifyTotp } from './totp';

describe('TOTP', () => {
  // RFC 6238 appendix B, SHA1, 8 digits, shared secret "12345678901234567890".
  const key = Buffer.from('12345678901234567890', 'ascii');
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('matches the RFC 6238 SHA1 vector at T=%i', (time, code) => {
    expect(totpAt(key, time, 8)).toBe(code);
  });

  it('round-trips base32', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255, 17, 99]);
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
  });

  it('accepts a code from an independent implementation, with one step of drift, and nothing else', () => {
    const secret = generateTotpSecret();
    const now = new Date('2026-11-30T12:00:10Z');
    const independent = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
    const code = independent.generate({ timestamp: now.getTime() });
    expect(verifyTotp(secret, code, now)).toBe(Math.floor(now.getTime() / 30000));
    expect(verifyTotp(secret, code, new Date(now.getTime() + 30_000))).toBeDefined();
    expect(verifyTotp(secret, code, new Date(now.getTime() + 90_000))).toBeUndefined();
    expect(verifyTotp(secret, '12345', now)).toBeUndefined();
    expect(currentTotp(secret, now)).toBe(code);
  });

  it('builds a Key Uri Format URI: issuer:account with no colon in either, the issuer parameter equal to the label prefix', () => {
    const secret = generateTotpSecret();
    const issuer = totpIssuer('Norsk Helsenett test');
    expect(issuer).toBe('Fjernhjelp (Norsk Helsenett test)');
    const uri = otpauthUri({ issuer, account: 'kari.nordmann', secret });
    // The label as an authenticator app reads it: split once on the colon, each side percent-decoded.
    expect(uri.startsWith('otpauth://totp/')).toBe(true);
    const labelParts = uri.slice('otpauth://totp/'.length).split('?')[0]!.split(/:|%3A/i);
    expect(labelParts.map(decodeURIComponent)).toEqual(['Fjernhjelp (Norsk Helsenett test)', 'kari.nordmann']);
    expect(decodeURIComponent(/[?&]issuer=([^&]*)/.exec(uri)![1]!)).toBe(labelParts.map(decodeURIComponent)[0]);
    // An independent parser reads it back, and the same library writes exactly the same URI.
    const parsed = OTPAuth.URI.parse(uri) as OTPAuth.TOTP;
    expect(parsed).toBeInstanceOf(OTPAuth.TOTP);
    expect([parsed.issuer, parsed.label, parsed.issuerInLabel]).toEqual(['Fjernhjelp (Norsk Helsenett test)', 'kari.nordmann', true]);
    expect(parsed.secret.base32).toBe(secret);
    expect([parsed.algorithm, parsed.digits, parsed.period]).toEqual(['SHA1', 6, 30]);
    const independent = new OTPAuth.TOTP({ issuer, label: 'kari.nordmann', secret: OTPAuth.Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
    expect(uri).toBe(independent.toString());
  });

  it('keeps colons out of the issuer, whatever the organisation is called', () => {
    expect(totpIssuer('Helse: Vest  HF')).toBe('Fjernhjelp (Helse Vest HF)');
    expect(totpIssuer('A\uFF1AB')).toBe('Fjernhjelp (A B)');
    const parsed = OTPAuth.URI.parse(otpauthUri({ issuer: totpIssuer('Helse: Vest'), account: 'ola', secret: generateTotpSecret() })) as OTPAuth.TOTP;
    expect([parsed.issuer, parsed.label]).toEqual(['Fjernhjelp (Helse Vest)', 'ola']);
  });
});

import { describe, expect, it } from 'vitest';
import { checkClientId, checkPortalAddress, checkProfileDraft, DEFAULT_CLIENT_ID } from './portal-profile';

const code = (check: { ok: boolean; code?: string }) => (check.ok ? 'ok' : check.code);

describe('checkPortalAddress', () => {
  it.each([
    ['https://kunde.nhn.no', 'ok'],
    ['  https://kunde.nhn.no/api/v1 ', 'ok'],
    ['https://id.nhn.no/oidc', 'ok'],
    ['http://127.0.0.1:4000', 'ok'],
    ['http://localhost:4000/oidc', 'ok'],
    ['http://[::1]:4000', 'ok'],
    ['', 'URL_REQUIRED'],
    ['   ', 'URL_REQUIRED'],
    ['kunde.nhn.no', 'URL_SCHEME_MISSING'],
    ['kunde.nhn.no/oidc', 'URL_SCHEME_MISSING'],
    ['not a url', 'URL_INVALID'],
    ['https://', 'URL_INVALID'],
    ['https://kunde nhn.no', 'URL_INVALID'],
    ['ftp://kunde.nhn.no', 'URL_INVALID'],
    ['javascript://alert(1)', 'URL_INVALID'],
    ['file:///etc/passwd', 'URL_INVALID'],
    ['http://kunde.nhn.no', 'URL_NOT_HTTPS'],
    ['http://127.0.0.1.nip.io', 'URL_NOT_HTTPS'],
    ['https://user:secret@kunde.nhn.no', 'URL_CREDENTIALS'],
    ['https://kunde.nhn.no/?a=1', 'URL_QUERY'],
    ['https://kunde.nhn.no/#top', 'URL_QUERY'],
    [`https://kunde.nhn.no/${'a'.repeat(500)}`, 'URL_TOO_LONG'],
  ])('%s: %s', (text, expected) => {
    expect(code(checkPortalAddress(text))).toBe(expected);
  });

  it('keeps the address as typed, only trimmed: an issuer is compared character for character', () => {
    expect(checkPortalAddress(' https://id.nhn.no/oidc ')).toEqual({ ok: true, value: 'https://id.nhn.no/oidc' });
  });
});

describe('checkClientId', () => {
  it("is the app's own id when left empty, and printable ASCII otherwise", () => {
    expect(checkClientId('')).toEqual({ ok: true, value: DEFAULT_CLIENT_ID });
    expect(checkClientId(' my-client ')).toEqual({ ok: true, value: 'my-client' });
    expect(code(checkClientId('klient-æ'))).toBe('CLIENT_ID_INVALID');
    expect(code(checkClientId('x'.repeat(201)))).toBe('CLIENT_ID_TOO_LONG');
  });
});

describe('checkProfileDraft', () => {
  it('names every field that is wrong, in the form\'s order, with the limit a too-long one broke', () => {
    expect(checkProfileDraft({ name: '', portalUrl: 'kunde.nhn.no', issuer: 'not a url', clientId: '' })).toEqual({
      profile: undefined,
      issues: [
        { path: 'name', code: 'NAME_REQUIRED', message: expect.any(String) },
        { path: 'portalUrl', code: 'URL_SCHEME_MISSING', message: expect.any(String) },
        { path: 'issuer', code: 'URL_INVALID', message: expect.any(String) },
      ],
    });
    expect(checkProfileDraft({ name: 'x'.repeat(81), portalUrl: 'https://a.no', issuer: 'https://a.no', clientId: '' }).issues).toEqual([
      { path: 'name', code: 'NAME_TOO_LONG', message: expect.any(String), limit: 80 },
    ]);
  });

  it('gives the profile to save, normalised, when every field is valid', () => {
    expect(checkProfileDraft({ name: ' Norsk Helsenett ', portalUrl: 'https://kunde.nhn.no', issuer: 'https://id.nhn.no', clientId: '' })).toEqual({
      issues: [],
      profile: { name: 'Norsk Helsenett', portalUrl: 'https://kunde.nhn.no', issuer: 'https://id.nhn.no', clientId: DEFAULT_CLIENT_ID },
    });
  });

  it('refuses a name with an invisible character', () => {
    expect(checkProfileDraft({ name: 'NHN\u200b', portalUrl: 'https://a.no', issuer: 'https://a.no', clientId: '' }).issues[0]?.code).toBe('NAME_INVALID_CHARACTERS');
  });
});

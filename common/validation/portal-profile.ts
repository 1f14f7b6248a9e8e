import type { FieldIssue } from '../result';
import { characterCount, invalid, valid, type FieldCheck } from './field-check';
import { checkFreeText } from './free-text';

/** The app's client id at the portal's sign-in service: what an empty "Klient-ID" means. */
export const DEFAULT_CLIENT_ID = 'fjernhjelp-admin';
export const MAX_PROFILE_NAME_LENGTH = 80;
export const MAX_PORTAL_URL_LENGTH = 500;
export const MAX_CLIENT_ID_LENGTH = 200;

export type ProfileField = 'name' | 'portalUrl' | 'issuer' | 'clientId';
/** The order of the fields in Settings → Legg til portal: the first invalid one gets focus. */
export const profileFieldOrder: readonly ProfileField[] = ['name', 'portalUrl', 'issuer', 'clientId'];

export interface ProfileDraft {
  name: string;
  portalUrl: string;
  issuer: string;
  clientId: string;
}

export function isLoopbackHost(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === '[::1]' || hostname === 'localhost';
}

/**
 * The portal's API address or its sign-in service (OpenID Connect issuer): an absolute https URL, or
 * plain http on this machine only (demo mode, tests). The text is kept as typed (trimmed): an issuer is
 * compared character for character with what the sign-in service says it is, so nothing is added.
 */
export function checkPortalAddress(input: string): FieldCheck<string> {
  const text = input.trim();
  if (text === '') return invalid('URL_REQUIRED', 'Required: an https address');
  if (characterCount(text) > MAX_PORTAL_URL_LENGTH) return invalid('URL_TOO_LONG', `At most ${MAX_PORTAL_URL_LENGTH} characters`);
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    return URL.canParse(`https://${text}`) && !/\s/.test(text)
      ? invalid('URL_SCHEME_MISSING', 'No scheme: the address must start with https://')
      : invalid('URL_INVALID', 'Not an address');
  }
  if (!URL.canParse(text) || /\s/.test(text)) return invalid('URL_INVALID', 'Not an address');
  const url = new URL(text);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return invalid('URL_INVALID', `Not a web address (${url.protocol})`);
  if (url.username || url.password) return invalid('URL_CREDENTIALS', 'An address with a user name or password in it');
  if (url.search || url.hash || text.includes('#')) return invalid('URL_QUERY', 'An address with a query or fragment');
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return invalid('URL_NOT_HTTPS', 'Must be https unless it is on this machine (127.0.0.1)');
  return valid(text);
}

/** The profile's name: the shared free-text rule. */
export function checkProfileName(input: string): FieldCheck<string> {
  return checkFreeText(input, {
    maxLength: MAX_PROFILE_NAME_LENGTH,
    codes: { required: 'NAME_REQUIRED', invalidCharacters: 'NAME_INVALID_CHARACTERS', tooLong: 'NAME_TOO_LONG' },
  });
}

/** OAuth's client id characters (RFC 6749 VSCHAR: printable ASCII); empty is the app's own id. */
export function checkClientId(input: string): FieldCheck<string> {
  const text = input.trim();
  if (text === '') return valid(DEFAULT_CLIENT_ID);
  if (text.length > MAX_CLIENT_ID_LENGTH) return invalid('CLIENT_ID_TOO_LONG', `At most ${MAX_CLIENT_ID_LENGTH} characters`);
  if (!/^[\x20-\x7e]+$/.test(text)) return invalid('CLIENT_ID_INVALID', 'Only printable ASCII characters (RFC 6749 VSCHAR)');
  return valid(text);
}

/** The bound each "too long" code was measured against, for the text that says it. */
const limits: Record<string, number> = { NAME_TOO_LONG: MAX_PROFILE_NAME_LENGTH, URL_TOO_LONG: MAX_PORTAL_URL_LENGTH, CLIENT_ID_TOO_LONG: MAX_CLIENT_ID_LENGTH };

/**
 * Settings → Legg til portal, checked field by field with the rules main applies when it saves: the
 * same field issues (path, code) whether the form finds them or main does.
 */
export function checkProfileDraft(draft: ProfileDraft): { issues: FieldIssue[]; profile: ProfileDraft | undefined } {
  const issues: FieldIssue[] = [];
  const take = (field: ProfileField, check: FieldCheck<string>): string | undefined => {
    if (check.ok) return check.value;
    const limit = limits[check.code];
    issues.push({ path: field, code: check.code, message: check.message, ...(limit === undefined ? {} : { limit }) });
    return undefined;
  };
  const name = take('name', checkProfileName(draft.name));
  const portalUrl = take('portalUrl', checkPortalAddress(draft.portalUrl));
  const issuer = take('issuer', checkPortalAddress(draft.issuer));
  const clientId = take('clientId', checkClientId(draft.clientId));
  if (name === undefined || portalUrl === undefined || issuer === undefined || clientId === undefined) return { issues, profile: undefined };
  return { issues, profile: { name, portalUrl, issuer, clientId } };
}

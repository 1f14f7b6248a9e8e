import { hasControlCharacters, invalid, valid, type FieldCheck } from './field-check';

// The practical subset of RFC 5322 that mail systems accept: a dot-atom local part (no quoted strings,
// comments or IP literals) and a domain of LDH labels with a top-level domain of letters.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const TOP_LEVEL = /^[A-Za-z]{2,63}$/;

/** Trimmed, with the domain lower-cased (domains are case-insensitive; local parts are kept as typed). */
export function checkEmail(input: string): FieldCheck<string> {
  const email = input.trim();
  if (email.length === 0) return invalid('EMAIL_REQUIRED', 'An e-mail address is required');
  if (hasControlCharacters(email) || email.length > 254) return invalid('EMAIL_INVALID', 'Not a valid e-mail address');
  const at = email.lastIndexOf('@');
  if (at <= 0) return invalid('EMAIL_INVALID', 'An e-mail address needs a local part, "@" and a domain');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1).toLowerCase();
  if (local.length > 64 || !LOCAL_PART.test(local)) return invalid('EMAIL_INVALID', 'The part before "@" is not valid');
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label)) || !TOP_LEVEL.test(labels.at(-1) ?? '')) {
    return invalid('EMAIL_INVALID', 'The domain after "@" is not valid');
  }
  return valid(`${local}@${domain}`);
}

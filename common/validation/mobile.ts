import { invalid, valid, type FieldCheck } from './field-check';

const E164 = /^\+[1-9]\d{6,14}$/;
const NORWEGIAN_LOCAL = /^\d{8}$/;

/**
 * A mobile number in E.164 (+4791234567). Spaces, dots, hyphens and parentheses people type are
 * dropped; "00" becomes "+"; an 8-digit Norwegian number without a country code gets +47.
 */
export function checkMobile(input: string): FieldCheck<string> {
  const compact = input.trim().replace(/[\s.()-]/gu, '');
  if (compact.length === 0) return invalid('MOBILE_REQUIRED', 'A mobile number is required');
  const international = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  if (NORWEGIAN_LOCAL.test(international)) return valid(`+47${international}`);
  if (!E164.test(international)) {
    return invalid('MOBILE_INVALID', 'Give the number in international form (+4791234567) or as 8 Norwegian digits');
  }
  if (international.startsWith('+47') && !/^\+47\d{8}$/.test(international)) {
    return invalid('MOBILE_INVALID', 'A Norwegian number has 8 digits after +47');
  }
  return valid(international);
}

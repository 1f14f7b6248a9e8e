import { randomInt } from 'node:crypto';

// No 0/o, 1/l/i: the user types this from an SMS.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const LENGTH = 10;

/** The SMS one-time password for a remote-support user's first sign-in: about 49 bits. */
export function generateOneTimePassword(): string {
  let password = '';
  for (let i = 0; i < LENGTH; i++) password += ALPHABET[randomInt(ALPHABET.length)];
  return password;
}

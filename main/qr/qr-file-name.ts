/**
 * The name the save dialog suggests: `<username>-totp.png`, made safe on Windows, macOS and Linux.
 * Characters Windows forbids (and "/" and ":" that macOS treats as separators) become "_"; control
 * and invisible format characters are dropped, since a right-to-left override could make the name
 * lie about its extension; a leading dot is dropped so the file is not hidden.
 */
const FORBIDDEN = /[<>:"/\\|?*]/gu;
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
/** Well under the 255-byte limit of APFS, NTFS and ext4, leaving room for "-totp.png" and " (2)". */
const MAX_USERNAME_BYTES = 200;
const SUFFIX = '-totp.png';

export function defaultQrFileName(username: string): string {
  const cleaned = username
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(FORBIDDEN, '_')
    .trim()
    .replace(/^\.+/u, '');
  const base = truncateUtf8(cleaned, MAX_USERNAME_BYTES);
  return `${base === '' ? 'bruker' : base}${SUFFIX}`;
}

/** Cuts at a code point boundary so "ø" is never split into half a character. */
function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let out = '';
  for (const char of text) {
    bytes += Buffer.byteLength(char, 'utf8');
    if (bytes > maxBytes) break;
    out += char;
  }
  return out;
}

import { osloCalendarDate } from '../../common/time/oslo-time';

/**
 * At most 50 characters of the campaign name: even if every one is a 4-byte UTF-8 letter the whole
 * name stays well under the 255-byte limit of NTFS, APFS and ext4.
 */
const SLUG_MAX = 50;

/**
 * The campaign name as a file-name part. Only letters (æøå and Sámi letters included: every OS the app
 * runs on stores Unicode names) and digits survive; everything else becomes one hyphen. That removes
 * path separators, Windows' reserved characters (< > : " | ? *), control characters, trailing dots and
 * spaces, and the invisible bidi overrides that could disguise the extension.
 */
export function campaignSlug(campaignName: string): string {
  const words = campaignName
    .normalize('NFC')
    .toLocaleLowerCase('nb')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    const chars = Array.from(next);
    if (chars.length > SLUG_MAX) {
      // Cut by code point, never inside a surrogate pair; a word that does not fit is cut, not dropped, if it is the first.
      if (!slug) slug = chars.slice(0, SLUG_MAX).join('');
      break;
    }
    slug = next;
  }
  return slug;
}

/** `tilgangsgjennomgang-<slug>-<yyyy-mm-dd>.<extension>`, dated by the Oslo calendar like the report's times. */
export function reviewFileName(campaignName: string, now: Date, extension: 'csv' | 'pdf'): string {
  const slug = campaignSlug(campaignName);
  return ['tilgangsgjennomgang', slug, osloCalendarDate(now)].filter(Boolean).join('-') + `.${extension}`;
}

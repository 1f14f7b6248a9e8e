// Letters NFD does not take apart: fold them the way a Norwegian types them on a foreign keyboard.
const SPECIAL_LETTERS: Record<string, string> = { æ: 'ae', ø: 'o', å: 'a', ß: 'ss', đ: 'd', ł: 'l', þ: 'th', œ: 'oe' };

/**
 * Case- and diacritics-insensitive search key: "Østfold" and "ostfold" fold to the same text, and so do
 * "Bærum" and "baerum". Used for vendor search on the server and for filtering lists in the app.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[æøåßđłþœ]/gu, (letter) => SPECIAL_LETTERS[letter] ?? letter)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

import unhomoglyph from 'unhomoglyph';

/**
 * The UTS #39 skeleton (Unicode Security Mechanisms, section 4): NFD; default-ignorable code points
 * removed; every character replaced by its prototype from Unicode's confusables.txt (the unhomoglyph
 * package holds that table: one code point to its prototype); NFD again. Two texts that look alike —
 * "Mаskiner" with a Cyrillic "а", "Ｍaskiner" in full width — have the same skeleton. A skeleton is
 * for comparing only, never for display ("m" becomes "rn").
 */
export function confusableSkeleton(text: string): string {
  return unhomoglyph(text.normalize('NFD').replace(/\p{Default_Ignorable_Code_Point}/gu, '')).normalize('NFD');
}

import confusables from 'unhomoglyph/data.json' with { type: 'json' };

/**
 * Unicode's confusables.txt as the unhomoglyph package holds it: each key one code point, its value the
 * prototype. Looked up a code point at a time: the package's own function builds a regular expression of
 * all 6 311 keys when it is imported, which cost the renderer about 50 ms on every start.
 */
const prototypes = new Map<string, string>(Object.entries(confusables));

/**
 * The UTS #39 skeleton (Unicode Security Mechanisms, section 4): NFD; default-ignorable code points
 * removed; every character replaced by its prototype from Unicode's confusables.txt; NFD again. Two
 * texts that look alike — "Mаskiner" with a Cyrillic "а", "Ｍaskiner" in full width — have the same
 * skeleton. A skeleton is for comparing only, never for display ("m" becomes "rn").
 */
export function confusableSkeleton(text: string): string {
  let replaced = '';
  for (const character of text.normalize('NFD').replace(/\p{Default_Ignorable_Code_Point}/gu, '')) {
    replaced += prototypes.get(character) ?? character;
  }
  return replaced.normalize('NFD');
}

import unhomoglyph from 'unhomoglyph';
import confusables from 'unhomoglyph/data.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { confusableSkeleton } from './confusable-skeleton';

/** The skeleton as it was built on the package's own function, to hold the code-point lookup to it. */
function skeletonByPackage(text: string): string {
  return unhomoglyph(text.normalize('NFD').replace(/\p{Default_Ignorable_Code_Point}/gu, '')).normalize('NFD');
}

describe('confusableSkeleton (UTS #39)', () => {
  it('maps look-alike letters of other scripts and forms to one skeleton', () => {
    const maskiner = confusableSkeleton('Maskiner');
    expect(confusableSkeleton('M\u0430skiner')).toBe(maskiner); // Cyrillic small a
    expect(confusableSkeleton('Mask\u0456ner')).toBe(maskiner); // Cyrillic small byelorussian-ukrainian i
    expect(confusableSkeleton('\uff2daskiner')).toBe(maskiner); // fullwidth M
    expect(confusableSkeleton('\u{1d40c}askiner')).toBe(maskiner); // mathematical bold M
    expect(confusableSkeleton('\u041caskiner')).toBe(maskiner); // Cyrillic capital EM
  });

  it('drops what renders as nothing, and keeps what is really different', () => {
    expect(confusableSkeleton('Mask\u200biner')).toBe(confusableSkeleton('Maskiner'));
    expect(confusableSkeleton('Røntgen')).not.toBe(confusableSkeleton('Rontgen'));
    expect(confusableSkeleton('Ålesund')).not.toBe(confusableSkeleton('Alesund'));
    expect(confusableSkeleton('Servere')).not.toBe(confusableSkeleton('Maskiner'));
  });

  it('compares decomposed and composed text alike', () => {
    expect(confusableSkeleton('A\u030alesund')).toBe(confusableSkeleton('Ålesund'));
  });

  it('gives the skeleton the unhomoglyph package gives, for every character of its table and in text', () => {
    const characters = Object.keys(confusables);
    expect(characters.length).toBeGreaterThan(6000);
    for (const character of characters) expect(confusableSkeleton(character), character).toBe(skeletonByPackage(character));
    const mixed = ['M\u0430sk\u0456ner-\u{1d40c}\u200b', `x${characters.join('y')}z`, 'Røntgen Ålesund A\u030a', ''];
    for (const text of mixed) expect(confusableSkeleton(text)).toBe(skeletonByPackage(text));
  });
});

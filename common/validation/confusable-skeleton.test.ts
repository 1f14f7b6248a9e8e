import { describe, expect, it } from 'vitest';
import { confusableSkeleton } from './confusable-skeleton';

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
});

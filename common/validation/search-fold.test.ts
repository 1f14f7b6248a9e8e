import { describe, expect, it } from 'vitest';
import { foldForSearch } from './search-fold';

describe('foldForSearch', () => {
  it.each([
    ['Østfold', 'ostfold'],
    ['Bærum', 'baerum'],
    ['Ålesund', 'alesund'],
    ['A\u030alesund', 'alesund'],
    ['Tromsø  IT-drift', 'tromso it-drift'],
    ['Crème Brûlée', 'creme brulee'],
    ['ØSTFOLD', 'ostfold'],
  ])('folds %s to %s', (input, expected) => {
    expect(foldForSearch(input)).toBe(expected);
  });

  it('folds plain ASCII exactly as the full Unicode fold does', () => {
    // The full fold, as foldForSearch does it for any other text.
    const fullFold = (text: string) =>
      text.normalize('NFC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/gu, ' ').trim();
    const samples = ['Bruker 000005', 'bruker.000005@nhn-test.example', '  Ola\tNORDMANN \n ', 'O\'Brien-Smith', 'a\u000bb\fc\rd', '', ' ', 'ABC xyz 123 !#$%&*+/=?^_`{|}~'];
    for (let code = 0; code < 128; code++) samples.push(`x${String.fromCharCode(code)}Y`);
    for (const sample of samples) expect(foldForSearch(sample), JSON.stringify(sample)).toBe(fullFold(sample));
  });
});

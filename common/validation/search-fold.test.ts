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
});

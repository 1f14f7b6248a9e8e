import { describe, expect, it } from 'vitest';
import { DEMO_VENDOR_NAMES } from '../../server/seed/vendor-names';
import { byNames, compareNames, sortByNames } from './name-collation';

describe('Norwegian name order', () => {
  it('puts Æ, Ø and Å after Z, in that order', () => {
    expect(sortByNames(['Østfold', 'Ålesund', 'Ærø', 'Zeta', 'Nordland', 'Rana', 'Bærum', 'Berg'], (name) => [name])).toEqual([
      'Berg',
      'Bærum',
      'Nordland',
      'Rana',
      'Zeta',
      'Ærø',
      'Østfold',
      'Ålesund',
    ]);
  });

  it('orders the demo vendors as the portal guide would, not by code point or by folded letters', () => {
    const sorted = sortByNames(DEMO_VENDOR_NAMES, (name) => [name]);
    expect(sorted.slice(-3)).toEqual(['Varangerbotn Teknologi AS', 'Østfold Fjerndrift AS', 'Ålesund Kodeverksted AS']);
    expect(sorted.indexOf('Nordlysheia Datadrift AS')).toBeLessThan(sorted.indexOf('Rørosvidda Programvare AS'));
    // Æ is a letter after Z, also inside a name: "Bj…" and "Bl…" before "Bæ…".
    expect(sorted.slice(0, 3)).toEqual(['Bjørkelunden Tannhelsedata AS', 'Blåveis IT-støtte AS', 'Bærum Journalteknikk AS']);
  });

  it('ignores case and accents except to break ties, and reads digits as numbers', () => {
    expect(compareNames('berg', 'Berg')).not.toBe(0);
    expect(Math.sign(compareNames('berg', 'Bjørn'))).toBe(-1);
    expect(Math.sign(compareNames('Éva', 'Eva Z'))).toBe(-1);
    expect(sortByNames(['Gruppe 10', 'Gruppe 9', 'Gruppe 1'], (name) => [name])).toEqual(['Gruppe 1', 'Gruppe 9', 'Gruppe 10']);
  });

  it('compares by each name in turn, leaving the input as it was', () => {
    const people = [
      { last: 'Åsen', first: 'Ola' },
      { last: 'Nordmann', first: 'Kari' },
      { last: 'Nordmann', first: 'Anne' },
    ];
    const sorted = [...people].sort(byNames((person) => [person.last, person.first]));
    expect(sorted.map((person) => `${person.first} ${person.last}`)).toEqual(['Anne Nordmann', 'Kari Nordmann', 'Ola Åsen']);
    expect(people[0]!.last).toBe('Åsen');
  });
});

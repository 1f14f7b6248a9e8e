import { describe, expect, it } from 'vitest';
import {
  checkMachineGroupName,
  disallowedGroupNameCharacter,
  machineGroupFullName,
  machineGroupNameKey,
  maxMachineGroupNameLength,
} from './machine-group-name';
import { organisationPrefix } from './organisation-prefix';

const prefix = organisationPrefix('Norsk Helsenett test');

describe('machine group names', () => {
  it('derives the prefix and full name the guide shows', () => {
    expect(prefix).toBe('NorskHelsenetttest');
    expect(organisationPrefix(' Norsk\tHelsenett\u00a0test ')).toBe('NorskHelsenetttest');
    expect(machineGroupFullName(prefix, 'maskiner')).toBe('NorskHelsenetttest-maskiner');
  });

  it('allows prefix + name of exactly 60 characters and refuses 61', () => {
    expect(maxMachineGroupNameLength(prefix)).toBe(42);
    expect(checkMachineGroupName('x'.repeat(42), prefix)).toEqual({ ok: true, value: 'x'.repeat(42) });
    const tooLong = checkMachineGroupName('x'.repeat(43), prefix);
    expect(tooLong).toMatchObject({ ok: false, code: 'NAME_TOO_LONG' });
  });

  it('counts characters after trimming and NFC, so "å" written as a + ring counts once', () => {
    const decomposed = 'a\u030a'.repeat(42);
    expect(checkMachineGroupName(`  ${decomposed}  `, prefix)).toEqual({ ok: true, value: 'å'.repeat(42) });
  });

  it('refuses empty names and control characters', () => {
    expect(checkMachineGroupName('   ', prefix)).toMatchObject({ ok: false, code: 'NAME_REQUIRED' });
    expect(checkMachineGroupName('Servere\u0007', prefix)).toMatchObject({ ok: false, code: 'NAME_INVALID_CHARACTERS' });
    expect(checkMachineGroupName('Ser\nvere', prefix)).toMatchObject({ ok: false, code: 'NAME_INVALID_CHARACTERS' });
  });

  it('refuses invisible and direction-changing characters (the shared free-text rule), and a name of nothing but one', () => {
    for (const name of ['Mask\u200biner', 'Maskiner\u2060', '\u200b', '\u200b\u200b', 'Servere\u202e', '\u2066Maskiner\u2069', 'a\u2028b', 'a\u{e0041}', 'x\ud800']) {
      expect(checkMachineGroupName(name, prefix)).toMatchObject({ ok: false, code: 'NAME_INVALID_CHARACTERS' });
    }
  });

  it('accepts letters of any alphabet (æøå, the Sámi letters), digits, space, "-", "_" and "."', () => {
    for (const name of ['Røntgen', 'Ålesund sykehus', 'Blåbær', 'Sámediggi', 'Čáhcesuolu', 'Đ ŋ š ŧ ž á č', 'Lab_2.etg-nord', 'Skolt ʹ', 'Μаskin 7']) {
      expect(checkMachineGroupName(name, prefix)).toEqual({ ok: true, value: name });
    }
  });

  it.each([
    ['an emoji', 'Servere 🚑', '🚑'],
    ['a slash', 'a/b', '/'],
    ['markup', 'Lab<script>', '<'],
    ['a backslash', 'a\\b', '\\'],
    ['a quote', 'Lab "A"', '"'],
    ['a non-breaking space', 'Lab\u00a0A', '\u00a0'],
    ['a full-width digit', 'Lab １', '１'],
    ['a combining mark that has no composed form', 'n\u0308', '\u0308'],
  ])('refuses %s with NAME_INVALID_CHARACTERS and names the character', (_what, name, character) => {
    const checked = checkMachineGroupName(name, prefix);
    expect(checked).toMatchObject({ ok: false, code: 'NAME_INVALID_CHARACTERS' });
    expect(disallowedGroupNameCharacter(name)).toEqual(character);
  });

  it('names the first disallowed character after normalising, and none in an allowed name', () => {
    expect(disallowedGroupNameCharacter('  NorskHelsenetttest-a/b<script>  ')).toBe('/');
    expect(disallowedGroupNameCharacter('Mask\u200biner')).toBe('\u200b');
    expect(disallowedGroupNameCharacter('Blåbær 2')).toBeUndefined();
    expect(checkMachineGroupName('a/b<script>', prefix)).toMatchObject({ message: expect.stringContaining('"/" (U+002F) at character 2') });
  });

  it('keys names so that case and surrounding spaces do not make a new name', () => {
    expect(machineGroupNameKey(' Maskiner ')).toBe(machineGroupNameKey('maskiner'));
    expect(machineGroupNameKey('MASKINER')).toBe(machineGroupNameKey('maskiner'));
    expect(machineGroupNameKey('Ø\u0308')).toBe(machineGroupNameKey('ø\u0308'));
    expect(machineGroupNameKey('STRASSE')).toBe(machineGroupNameKey('Straße'));
  });

  it('keys compatibility forms as the plain letters (NFKC): full width, mathematical letters, ligatures', () => {
    expect(machineGroupNameKey('\uff2d\uff41\uff53\uff4b\uff49\uff4e\uff45\uff52')).toBe(machineGroupNameKey('Maskiner'));
    expect(machineGroupNameKey('\u{1d40c}askiner')).toBe(machineGroupNameKey('Maskiner'));
    expect(machineGroupNameKey('\ufb01ler')).toBe(machineGroupNameKey('Filer'));
  });

  it('keys look-alike names alike: other scripts, capitals and small letters (UTS #39 skeleton)', () => {
    const maskiner = machineGroupNameKey('Maskiner');
    for (const name of ['M\u0430skiner', '\u041caskiner', '\u039caskiner', 'MASK\u0406NER', 'Rnaskiner']) {
      expect(machineGroupNameKey(name)).toBe(maskiner);
    }
    expect(machineGroupNameKey('\u0501ata')).toBe(machineGroupNameKey('Data'));
    expect(machineGroupNameKey('Lab 1')).toBe(machineGroupNameKey('Lab l'));
    for (const different of ['Røntgen', 'Rontgen', 'Ålesund', 'Alesund', 'Servere', 'Kontor']) {
      expect(machineGroupNameKey(different)).not.toBe(maskiner);
    }
    expect(machineGroupNameKey('Røntgen')).not.toBe(machineGroupNameKey('Rontgen'));
    expect(machineGroupNameKey('Ålesund')).not.toBe(machineGroupNameKey('Alesund'));
  });

  it('keys a stored name with characters that render as nothing (from before the text rule) as the name without them', () => {
    expect(machineGroupNameKey('Mask\u200biner')).toBe(machineGroupNameKey('Maskiner'));
    expect(machineGroupNameKey('Maskiner\u2060')).toBe(machineGroupNameKey('Maskiner'));
  });
});

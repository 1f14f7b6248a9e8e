import { describe, expect, it } from 'vitest';
import { checkMachineGroupName, machineGroupFullName, machineGroupNameKey, maxMachineGroupNameLength } from './machine-group-name';
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

  it('keys names so that case and surrounding spaces do not make a new name', () => {
    expect(machineGroupNameKey(' Maskiner ')).toBe(machineGroupNameKey('maskiner'));
    expect(machineGroupNameKey('MASKINER')).toBe('maskiner');
    expect(machineGroupNameKey('Ø\u0308')).toBe(machineGroupNameKey('ø\u0308'));
  });
});

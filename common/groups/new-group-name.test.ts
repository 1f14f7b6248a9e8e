import { describe, expect, it } from 'vitest';
import { draftGroupRename, draftNewGroupName, groupNameKeys } from './new-group-name';

const prefix = 'NorskHelsenetttest';
const existing = groupNameKeys([{ name: 'Maskiner' }, { name: 'Røntgen' }, { name: 'Blåveis' }]);

describe('draftNewGroupName', () => {
  it('previews the full name and counts the budget against the 60-character rule', () => {
    expect(draftNewGroupName('  Servere ', prefix, existing)).toEqual({
      fullName: 'NorskHelsenetttest-Servere',
      used: 7,
      max: 42,
      check: { ok: true, value: 'Servere' },
    });
  });

  it('refuses a name another group has, ignoring case and composed/decomposed letters', () => {
    expect(draftNewGroupName('maskiner', prefix, existing).check).toMatchObject({ ok: false, code: 'NAME_TAKEN' });
    expect(draftNewGroupName('RØNTGEN', prefix, existing).check).toMatchObject({ ok: false, code: 'NAME_TAKEN' });
    expect(draftNewGroupName('bla\u030aveis', prefix, existing).check).toMatchObject({ ok: false, code: 'NAME_TAKEN' });
  });

  it('reports the shared rules first: empty and too long', () => {
    expect(draftNewGroupName(' ', prefix, existing).check).toMatchObject({ ok: false, code: 'NAME_REQUIRED' });
    const tooLong = draftNewGroupName('x'.repeat(43), prefix, existing);
    expect(tooLong).toMatchObject({ used: 43, max: 42, check: { ok: false, code: 'NAME_TOO_LONG' } });
    expect(draftNewGroupName('x'.repeat(42), prefix, existing).check.ok).toBe(true);
  });

  it('names the refused character, so the form can say which one', () => {
    expect(draftNewGroupName('a/b<script>', prefix, existing)).toMatchObject({ check: { ok: false, code: 'NAME_INVALID_CHARACTERS' }, refusedCharacter: '/' });
    expect(draftNewGroupName('Servere', prefix, existing).refusedCharacter).toBeUndefined();
  });
});

describe('draftGroupRename', () => {
  const groups = [
    { id: 'g1', name: 'maskiner' },
    { id: 'g2', name: 'Røntgen' },
  ];

  it('lets a group keep its own name in another case, and refuses another group\'s name', () => {
    expect(draftGroupRename('Maskiner', prefix, groups[0]!, groups)).toMatchObject({ check: { ok: true, value: 'Maskiner' }, unchanged: false });
    expect(draftGroupRename(' maskiner ', prefix, groups[0]!, groups)).toMatchObject({ check: { ok: true }, unchanged: true });
    expect(draftGroupRename('røntgen', prefix, groups[0]!, groups).check).toMatchObject({ ok: false, code: 'NAME_TAKEN' });
    expect(draftGroupRename('Lab/2', prefix, groups[0]!, groups)).toMatchObject({ check: { code: 'NAME_INVALID_CHARACTERS' }, refusedCharacter: '/' });
  });
});

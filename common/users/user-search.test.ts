import { describe, expect, it } from 'vitest';
import type { User } from '../portal/portal-types';
import { buildUserSearchIndex, filterUserIndex, foldSearchKeys } from './user-search';

function user(id: string, firstName: string, lastName: string, username: string, email = `${username}@example.no`): User {
  return {
    id,
    username,
    firstName,
    lastName,
    email,
    mobile: '+4791000001',
    twoFactor: 'totp',
    yubikeyPublicId: null,
    roles: ['remote-support-user'],
    status: 'active',
    deactivatedAt: null,
    engineStatus: { state: 'active', reason: null },
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    version: 1,
  };
}

const users = [
  user('1', 'Ola', 'Åsen', 'ola.aasen'),
  user('2', 'Kari', 'Nordmann', 'kari.nordmann'),
  user('3', 'Ingrid', 'Sæther', 'ingrid.saether', 'ingrid@helse-vest.example'),
];

describe('user search', () => {
  const index = buildUserSearchIndex(users);

  it('sorts by last name in Norwegian order (Å last)', () => {
    expect(index.map((entry) => entry.user.lastName)).toEqual(['Nordmann', 'Sæther', 'Åsen']);
  });

  it('returns everyone for an empty or blank query', () => {
    expect(filterUserIndex(index, '   ')).toHaveLength(3);
  });

  it('matches name, username and e-mail without regard to case or diacritics', () => {
    expect(filterUserIndex(index, 'asen').map((u) => u.id)).toEqual(['1']);
    expect(filterUserIndex(index, 'SAETHER').map((u) => u.id)).toEqual(['3']);
    expect(filterUserIndex(index, 'Sæther').map((u) => u.id)).toEqual(['3']);
    expect(filterUserIndex(index, 'helse-vest').map((u) => u.id)).toEqual(['3']);
    expect(filterUserIndex(index, 'kari.nord').map((u) => u.id)).toEqual(['2']);
  });

  it('requires every word, in any order', () => {
    expect(filterUserIndex(index, 'nordmann kari').map((u) => u.id)).toEqual(['2']);
    expect(filterUserIndex(index, 'kari åsen')).toEqual([]);
  });

  it('folds the keys in idle time, a few at a time, and a search finds the same either way', () => {
    const fresh = buildUserSearchIndex(users);
    expect(fresh.every((entry) => entry.key === undefined)).toBe(true);
    let budget = 2;
    expect(foldSearchKeys(fresh, () => budget-- > 0)).toBe(false);
    expect(fresh.filter((entry) => entry.key !== undefined)).toHaveLength(2);
    expect(filterUserIndex(fresh, 'sæther').map((u) => u.id)).toEqual(['3']);
    expect(foldSearchKeys(fresh, () => true)).toBe(true);
    expect(fresh.map((entry) => entry.key)).toEqual(['kari nordmann kari.nordmann kari.nordmann@example.no', 'ingrid saether ingrid.saether ingrid@helse-vest.example', 'ola asen ola.aasen ola.aasen@example.no']);
  });
});

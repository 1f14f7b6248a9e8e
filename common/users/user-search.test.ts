import { describe, expect, it } from 'vitest';
import type { User } from '../portal/portal-types';
import { buildUserSearchIndex, filterUserIndex } from './user-search';

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
});

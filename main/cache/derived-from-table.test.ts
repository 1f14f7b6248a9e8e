import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { User } from '../../common/portal/portal-types';
import { openCache } from './cache-database';
import { cacheRepositories } from './cache-repositories';
import { derivedFromTable } from './derived-from-table';

const user = (id: string, lastName: string, version = 1) =>
  ({ id, username: `bruker.${id}`, firstName: 'Kari', lastName, email: `${id}@example.no`, version }) as unknown as User;

function freshCache() {
  return cacheRepositories(openCache(join(mkdtempSync(join(tmpdir(), 'cache-derived-')), 'cache.sqlite')));
}

describe('derivedFromTable', () => {
  it('derives once while the table is unchanged, and again after each put or remove', () => {
    const cache = freshCache();
    let derived = 0;
    const lastNames = derivedFromTable((table: typeof cache.users) => {
      derived++;
      return table.all().map((item) => item.lastName);
    });
    cache.users.put(user('u1', 'Øvre'), 1);
    cache.users.put(user('u2', 'Berg'), 1);

    expect(lastNames(cache.users)).toEqual(['Berg', 'Øvre']);
    expect(lastNames(cache.users)).toBe(lastNames(cache.users));
    expect(derived).toBe(1);

    cache.users.put(user('u3', 'Dahl'), 1);
    expect(lastNames(cache.users)).toEqual(['Berg', 'Dahl', 'Øvre']);
    cache.users.put(user('u2', 'Ås', 2), 2);
    expect(lastNames(cache.users)).toEqual(['Dahl', 'Øvre', 'Ås']);
    cache.users.remove('u1');
    expect(lastNames(cache.users)).toEqual(['Dahl', 'Ås']);
    expect(derived).toBe(4);
  });

  it('keeps each table apart (another profile\'s cache is another table), and hands out a value no caller can change', () => {
    const first = freshCache();
    const second = freshCache();
    first.users.put(user('u1', 'Berg'), 1);
    second.users.put(user('u9', 'Dahl'), 1);
    const ids = derivedFromTable((table: typeof first.users) => table.all().map((item) => item.id));

    expect(ids(first.users)).toEqual(['u1']);
    expect(ids(second.users)).toEqual(['u9']);
    expect(() => (ids(first.users) as string[]).push('u2')).toThrow(TypeError);
    expect(ids(first.users)).toEqual(['u1']);
  });
});

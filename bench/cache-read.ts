import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { User } from '../common/portal/portal-types';
import { openCache } from '../main/cache/cache-database';
import { cacheRepositories } from '../main/cache/cache-repositories';
import type { BenchFigure } from './figure';
import { medianOf } from './median';

const RUNS = 9;
const FIRST_NAMES = ['Kari', 'Ola', 'Åse', 'Øyvind', 'Per', 'Anne', 'Bjørn', 'Ingrid', 'Lars', 'Marit', 'Ærle', 'Håkon', 'Siri', 'Jørgen', 'Liv'];
const LAST_NAMES = ['Nordmann', 'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Ødegård', 'Åsheim', 'Berg', 'Haugen', 'Dahl', 'Ærø', 'Strøm', 'Bakke', 'Lie', 'Sæther'];

/**
 * The cache's read of the users list as a screen asks for it after every change of a user: 10 000 users whose names
 * vary as real ones do (the large seed's are in id order already, which no sort pays for), read and put in
 * Norwegian order (Æ, Ø, Å after Z). Its limit: the same rows read and parsed, in no particular order.
 */
export async function benchCacheRead(users = 10_000): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cache-read-'));
  const db = openCache(join(dir, 'cache.sqlite'));
  try {
    const cache = cacheRepositories(db);
    // A fixed sequence (a linear congruential generator): every run reads the same names in the same id order.
    let seed = 42;
    const pick = <T>(list: readonly T[]): T => list[(seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % list.length]!;
    db.transaction(() => {
      for (let index = 0; index < users; index++) {
        const id = `user-${String(index).padStart(6, '0')}`;
        const firstName = pick(FIRST_NAMES);
        const lastName = `${pick(LAST_NAMES)}${pick(['', '', '-Berg', ' Lie'])}`;
        cache.users.put({ id, username: `${firstName}.${lastName}.${index}`.toLowerCase(), firstName, lastName, email: `${id}@example.no`, version: 1 } as unknown as User, 1);
      }
    })();
    const sorted: number[] = [];
    const raw: number[] = [];
    const rawRead = db.prepare('SELECT data FROM users').pluck();
    for (let run = 0; run < RUNS; run++) {
      let start = performance.now();
      const all = cache.users.all();
      sorted.push(performance.now() - start);
      start = performance.now();
      const parsed = (rawRead.all() as string[]).map((data) => JSON.parse(data) as User);
      raw.push(performance.now() - start);
      if (all.length !== users || parsed.length !== users) throw new Error('the cache lost users');
    }
    return [
      { name: `cache.users.all() in Norwegian order (${users} varied names, median of ${RUNS})`, value: medianOf(sorted), unit: 'ms' },
      { name: 'cache.users read and parsed, unsorted', value: medianOf(raw), unit: 'ms' },
      { name: 'cache.users.all() / unsorted read', value: medianOf(sorted) / medianOf(raw), unit: 'ratio' },
    ];
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

import type { Me } from '../../common/portal/portal-types';
import type { CacheDb } from './cache-database';

/** The signed-in user and organisation as /me last answered, so the app can show them offline. */
export function accountRepository(db: CacheDb) {
  const read = db.prepare('SELECT data FROM account WHERE id = 1').pluck();
  const write = db.prepare('INSERT INTO account (id, data) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data');
  return {
    get(): Me | undefined {
      const data = read.get() as string | undefined;
      return data === undefined ? undefined : (JSON.parse(data) as Me);
    },
    set(me: Me): void {
      write.run(JSON.stringify(me));
    },
  };
}

export type AccountRepository = ReturnType<typeof accountRepository>;

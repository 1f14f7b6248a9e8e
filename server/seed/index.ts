import type { Db } from '../db/database';
import type { SeedSpec } from '../options';

/** Fills an empty database; a database that already has organisations is left as it is. */
export function applySeed(db: Db, seed: SeedSpec, now: Date): void {
  const organisations = db.prepare('SELECT COUNT(*) FROM organisations').pluck().get() as number;
  if (organisations > 0 || seed === 'empty') return;
  void now;
  throw new Error(`seed ${JSON.stringify(seed)} is not available yet`);
}

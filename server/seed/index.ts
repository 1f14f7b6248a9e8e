import type { Db } from '../db/database';
import type { SeedSpec } from '../options';
import { seedDemo } from './demo-seed';
import { seedLarge } from './large-seed';

/** Fills an empty database; a database that already has organisations is left as it is. */
export async function applySeed(db: Db, seed: SeedSpec, now: Date): Promise<void> {
  const organisations = db.prepare('SELECT COUNT(*) FROM organisations').pluck().get() as number;
  if (organisations > 0 || seed === 'empty') return;
  if (seed === 'demo') return seedDemo(db, now);
  if (!Number.isInteger(seed.large) || seed.large < 1) throw new Error(`large seed needs a positive number of users, not ${seed.large}`);
  const sessions = seed.sessions ?? 0;
  if (!Number.isInteger(sessions) || sessions < 0) throw new Error(`large seed needs a whole number of sessions, not ${sessions}`);
  return seedLarge(db, seed.large, now, sessions);
}

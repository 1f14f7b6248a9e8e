import type { Db } from './database';

/** The next value of the global change counter. Call inside the transaction that writes the row. */
export function nextVersion(db: Db): number {
  return (db.prepare('UPDATE version_counter SET value = value + 1 WHERE id = 1 RETURNING value').pluck().get() as number);
}

import Database from 'better-sqlite3';
import { SeedWriter } from '../../seed/seed-writer';

export type RecordedSession = Parameters<SeedWriter['session']>[0];

/**
 * Records sessions in a running portal's SQLite file as the reconciler would have (the seed's writer, one
 * transaction taken for writing at once, WAL beside the server's own connection), for the cases no seed
 * has: an organisation's technicians on another's group next to sessions on its own, or its own user on
 * its own group (access outside the portal).
 */
export function recordSessions(dbPath: string, sessions: readonly RecordedSession[]): void {
  const db = new Database(dbPath);
  try {
    db.pragma('busy_timeout = 5000');
    db.transaction(() => {
      // Inside the transaction: the writer counts versions on from the counter as it is now.
      const seed = new SeedWriter(db);
      for (const session of sessions) seed.session(session);
      seed.finish();
    }).immediate();
  } finally {
    db.close();
  }
}

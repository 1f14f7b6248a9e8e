import type { Db } from '../db/database';
import { prepared } from '../db/prepared';
import { nextVersion } from '../db/versions';

const TABLES = ['machine_groups', 'users', 'grants'] as const;

/**
 * Tells the triggers of migration 012 whether an engine is driven, at start. Switching from none to an engine
 * makes every object pending (the engine has none of them yet) and queues a reconcile; switching back to none
 * makes every object active in the simulation and empties the outbox. A changed state gets a new version, so
 * the sync feed carries it.
 */
export function setEngineMode(db: Db, simulated: boolean): void {
  db.transaction(() => {
    const before = prepared(db, 'SELECT simulated FROM engine_mode WHERE id = 1').pluck().get() as number;
    prepared(db, 'UPDATE engine_mode SET simulated = ? WHERE id = 1').run(simulated ? 1 : 0);
    if (simulated) {
      settle(db, `engine_state <> 'active'`, 'active');
      prepared(db, 'DELETE FROM engine_outbox').run();
    } else if (before === 1) {
      settle(db, `engine_state <> 'pending'`, 'pending');
      prepared(db, `INSERT INTO engine_outbox (object_type, object_id) VALUES ('service', '*')`).run();
    }
  })();
}

function settle(db: Db, where: string, state: 'active' | 'pending'): void {
  for (const table of TABLES) {
    // With the partial index engine_not_active_<table> the usual case (nothing to change) is cheap.
    const rows = prepared(db, `SELECT rowid FROM ${table} WHERE ${where}`).pluck().all() as number[];
    const update = prepared(db, `UPDATE ${table} SET engine_state = ?, engine_reason = NULL, version = ? WHERE rowid = ?`);
    for (const rowid of rows) update.run(state, nextVersion(db), rowid);
  }
}

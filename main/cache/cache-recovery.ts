import Database from 'better-sqlite3';
import { existsSync, renameSync } from 'node:fs';
import type { Logger } from '../log/logger';
import { openCache, type CacheDb } from './cache-database';

/** What happened when the cache file could not be used: told to the user once, in one message. */
export interface CacheRecovery {
  /** Where the damaged file was moved (kept, beside the new one, for support or a later look). */
  movedTo: string;
  /** Campaigns with records the portal did not have yet, and their unsent decisions, carried over. */
  salvagedCampaigns: number;
  salvagedDecisions: number;
  /** The review tables could not be read at all: decisions that were never sent may be lost. */
  salvageFailed: boolean;
}

/** The review tables, in the order rows must be copied (items and decisions refer to their campaign). */
const REVIEW_TABLES = ['review_campaigns', 'review_items', 'review_decisions'] as const;

/**
 * Opens the profile's cache; a file that cannot be opened or fails SQLite's quick check is moved
 * aside (with its -wal and -shm, so the aside copy reads as it was), its unsent review records are
 * copied into a fresh cache where they can still be read, and the fresh cache is returned. Everything
 * else in the cache comes back from the portal with the next sync; only unsent decisions exist
 * nowhere else.
 */
export function openCacheOrRecover(file: string, logger: Logger, now: () => Date = () => new Date()): { db: CacheDb; recovery: CacheRecovery | null } {
  let damage: string;
  try {
    const db = openCache(file);
    const check = db.pragma('quick_check', { simple: true });
    if (check === 'ok') return { db, recovery: null };
    db.close();
    damage = String(check);
  } catch (error) {
    damage = error instanceof Error ? error.message : String(error);
  }

  const movedTo = file.replace(/\.sqlite$/, '') + `.damaged-${now().toISOString().replace(/[:.]/g, '-')}.sqlite`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, movedTo + suffix);
  }
  const db = openCache(file);
  const salvage = salvageUnsentReviews(movedTo, db, logger);
  const recovery: CacheRecovery = { movedTo, ...salvage };
  logger.error('cache.damaged', { damage, ...recovery });
  return { db, recovery };
}

function salvageUnsentReviews(damagedFile: string, fresh: CacheDb, logger: Logger): Omit<CacheRecovery, 'movedTo'> {
  let damaged: Database.Database | undefined;
  try {
    damaged = new Database(damagedFile, { readonly: true, fileMustExist: true });
    const source = damaged;
    const campaigns = source
      .prepare(
        `SELECT id FROM review_campaigns WHERE pushed = 0 OR (completed_at IS NOT NULL AND completion_pushed = 0)
         UNION SELECT DISTINCT campaign_id FROM review_decisions WHERE pushed = 0`,
      )
      .pluck()
      .all() as string[];
    let salvagedCampaigns = 0;
    let salvagedDecisions = 0;
    for (const id of campaigns) {
      try {
        // Read the whole campaign before writing any of it: all of it, or (when unreadable) none.
        const rows = REVIEW_TABLES.map((table) => ({
          table,
          rows: source.prepare(`SELECT * FROM ${table} WHERE ${table === 'review_campaigns' ? 'id' : 'campaign_id'} = ?`).all(id) as Array<Record<string, unknown>>,
        }));
        fresh.transaction(() => {
          for (const { table, rows: tableRows } of rows) copyRows(fresh, table, tableRows);
        })();
        salvagedCampaigns++;
        salvagedDecisions += rows[2]!.rows.filter((row) => row['pushed'] === 0).length;
      } catch (error) {
        logger.warn('cache.salvage-campaign-failed', { campaign: id, error: error instanceof Error ? error.message : String(error) });
      }
    }
    return { salvagedCampaigns, salvagedDecisions, salvageFailed: false };
  } catch (error) {
    logger.warn('cache.salvage-failed', { error: error instanceof Error ? error.message : String(error) });
    return { salvagedCampaigns: 0, salvagedDecisions: 0, salvageFailed: true };
  } finally {
    damaged?.close();
  }
}

/** Inserts rows with the columns both schemas have (the damaged file may be from an older version). */
function copyRows(db: CacheDb, table: string, rows: Array<Record<string, unknown>>): void {
  if (rows.length === 0) return;
  const known = new Set((db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((column) => column.name));
  const columns = Object.keys(rows[0]!).filter((column) => known.has(column));
  const insert = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`);
  for (const row of rows) insert.run(Object.fromEntries(columns.map((column) => [column, row[column]])));
}

import type { Db } from '../database';
import { nextVersion } from '../versions';

interface GrantRow {
  group_id: string;
  vendor_id: string;
  organisation_id: string;
  granted_at: string;
  granted_by: string;
}

interface GrantSnapshot {
  mode?: unknown;
  grantedAt?: unknown;
  grantedBy?: unknown;
}

type Who = { at: string; by: string };

/**
 * A grant keeps when and by whom access was first given (`granted_at`, `granted_by`); a change of
 * mode is recorded on its own (`mode_changed_at`, `mode_changed_by`, and its own audit event).
 *
 * Before this version a mode change overwrote `granted_at`/`granted_by`. The grant's audit trail still
 * holds what was overwritten, so each grant whose trail describes it gets its first grant back and its
 * latest mode change recorded, with a new version so every app's cache receives the corrected grant.
 * A grant whose trail does not end in the row as it is (written by a seed, say) is left as it is.
 */
export function migration008GrantModeChanges(db: Db): void {
  db.exec(`
    ALTER TABLE grants ADD COLUMN mode_changed_at TEXT;
    ALTER TABLE grants ADD COLUMN mode_changed_by TEXT;
  `);
  const grants = db.prepare('SELECT group_id, vendor_id, organisation_id, granted_at, granted_by FROM grants').all() as GrantRow[];
  const events = db.prepare(
    `SELECT before_json, after_json FROM audit_events
     WHERE organisation_id = ? AND object_type = 'grant' AND object_id = ? ORDER BY id`,
  );
  const restore = db.prepare(
    `UPDATE grants SET granted_at = ?, granted_by = ?, mode_changed_at = ?, mode_changed_by = ?, version = ?
     WHERE group_id = ? AND vendor_id = ?`,
  );
  for (const grant of grants) {
    const trail = events.all(grant.organisation_id, `${grant.group_id}:${grant.vendor_id}`) as Array<{ before_json: string | null; after_json: string | null }>;
    const history = readTrail(trail);
    if (!history || history.last.at !== grant.granted_at || history.last.by !== grant.granted_by) continue;
    if (history.first.at === grant.granted_at && history.first.by === grant.granted_by && !history.modeChange) continue;
    restore.run(history.first.at, history.first.by, history.modeChange?.at ?? null, history.modeChange?.by ?? null, nextVersion(db), grant.group_id, grant.vendor_id);
  }
}

/** The first grant, the latest mode change and the last recorded state of one grant's current life. */
function readTrail(trail: ReadonlyArray<{ before_json: string | null; after_json: string | null }>): { first: Who; modeChange: Who | undefined; last: Who } | undefined {
  let first: Who | undefined;
  let modeChange: Who | undefined;
  let last: Who | undefined;
  for (const event of trail) {
    const before = parse(event.before_json);
    const after = parse(event.after_json);
    if (!after) {
      // Removed (deleted, expired, removed in a review): a later grant is a new life.
      first = modeChange = last = undefined;
      continue;
    }
    const now = who(after);
    if (!now) return undefined;
    if (!before || !first) first = (before && who(before)) ?? now;
    if (before && before.mode !== after.mode) modeChange = now;
    last = now;
  }
  return first && last ? { first, modeChange, last } : undefined;
}

function parse(json: string | null): GrantSnapshot | undefined {
  return json === null ? undefined : (JSON.parse(json) as GrantSnapshot);
}

function who(snapshot: GrantSnapshot): Who | undefined {
  return typeof snapshot.grantedAt === 'string' && typeof snapshot.grantedBy === 'string' ? { at: snapshot.grantedAt, by: snapshot.grantedBy } : undefined;
}

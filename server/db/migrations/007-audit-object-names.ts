import type { Db } from '../database';

/**
 * The names of an audit event's object (machine group, vendor, user, review) as they were when the
 * event was written, so the log stays readable after the object is renamed or gone. Events written
 * before this version have none; readers fall back to the event's own before/after data.
 */
export function migration007AuditObjectNames(db: Db): void {
  db.exec('ALTER TABLE audit_events ADD COLUMN object_names_json TEXT');
}

import type { Db } from '../database';

/**
 * An access review's items are checked against every version of each grant the portal has recorded:
 * the grant as it is, and as its audit events show it before and after each change. That looks up
 * one object's events per item, up to 20 000 per review.
 */
export function migration006AuditByObject(db: Db): void {
  db.exec('CREATE INDEX audit_by_object ON audit_events (organisation_id, object_type, object_id)');
}

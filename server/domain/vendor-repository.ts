import { foldForSearch } from '../../common/validation/search-fold';
import type { Db } from '../db/database';
import { prepared } from '../db/prepared';
import type { OrganisationRef } from './organisation-repository';

export interface Vendor extends OrganisationRef {
  version: number;
}

/**
 * Vendors the caller may grant access to: every vendor organisation but its own. Matches on the
 * folded name (case and diacritics ignored); names that start with the query come first.
 */
export function searchVendors(db: Db, callerOrganisationId: string, query: string, limit: number): Vendor[] {
  const folded = foldForSearch(query);
  return db
    .prepare(
      `SELECT id, name, version FROM organisations
       WHERE is_vendor = 1 AND id <> @caller AND instr(name_key, @query) > 0
       ORDER BY CASE WHEN substr(name_key, 1, length(@query)) = @query THEN 0 ELSE 1 END, name_key, id
       LIMIT @limit`,
    )
    .all({ caller: callerOrganisationId, query: folded, limit }) as Vendor[];
}

export function findVendor(db: Db, id: string): Vendor | undefined {
  return prepared(db, 'SELECT id, name, version FROM organisations WHERE id = ? AND is_vendor = 1').get(id) as Vendor | undefined;
}

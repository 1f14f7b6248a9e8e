import { compareNames } from '../../common/sorting/name-collation';
import { foldForSearch } from '../../common/validation/search-fold';
import type { Db } from '../db/database';
import { idList, inIdList } from '../db/id-list';
import { prepared } from '../db/prepared';
import type { OrganisationRef } from './organisation-repository';

export interface Vendor extends OrganisationRef {
  version: number;
}

/**
 * Vendors the caller may grant access to: every vendor organisation but its own. Matches on the
 * folded name (case and diacritics ignored); names that start with the query come first, each part in
 * Norwegian order. SQLite sorts only by code point (Å before Æ and Ø; the folded key even puts
 * "Ålesund" among the A's), so the matches are sorted here, before the page is taken.
 */
export function searchVendors(db: Db, callerOrganisationId: string, query: string, limit: number): Vendor[] {
  const folded = foldForSearch(query);
  const matches = prepared(
    db,
    `SELECT id, name, version, substr(name_key, 1, length(@query)) = @query AS prefix FROM organisations
     WHERE is_vendor = 1 AND id <> @caller AND instr(name_key, @query) > 0`,
  ).all({ caller: callerOrganisationId, query: folded }) as Array<Vendor & { prefix: number }>;
  return matches
    .sort((a, b) => b.prefix - a.prefix || compareNames(a.name, b.name) || (a.id < b.id ? -1 : 1))
    .slice(0, limit)
    .map(({ id, name, version }) => ({ id, name, version }));
}

export function findVendor(db: Db, id: string): Vendor | undefined {
  return prepared(db, 'SELECT id, name, version FROM organisations WHERE id = ? AND is_vendor = 1').get(id) as Vendor | undefined;
}

/** For the sync feed: the vendors with these ids, in one statement. */
export function findVendors(db: Db, ids: readonly string[]): Vendor[] {
  return prepared(db, `SELECT id, name, version FROM organisations WHERE ${inIdList('id')} AND is_vendor = 1`).all(idList(ids)) as Vendor[];
}

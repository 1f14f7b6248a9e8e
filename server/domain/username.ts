import { foldForSearch } from '../../common/validation/search-fold';
import type { Db } from '../db/database';
import { prepared } from '../db/prepared';

const MAX_PART_LENGTH = 30;

function usernamePart(name: string): string {
  const ascii = foldForSearch(name).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return ascii.slice(0, MAX_PART_LENGTH).replace(/-+$/, '');
}

/** "firstname.lastname" in ASCII ("Åse Ødegård" -> "ase.odegard"). */
export function baseUsername(firstName: string, lastName: string): string {
  const parts = [usernamePart(firstName), usernamePart(lastName)].filter(Boolean);
  return parts.length > 0 ? parts.join('.') : 'bruker';
}

/**
 * Usernames are unique across the whole portal (people sign in with them alone), so a taken name
 * gets the lowest free number: kari.nordmann, kari.nordmann2, kari.nordmann3, ...
 * Call inside the transaction that inserts the user, so no one else can take the name in between.
 */
export function uniqueUsername(db: Db, firstName: string, lastName: string): string {
  const base = baseUsername(firstName, lastName);
  const exists = prepared(db, 'SELECT 1 FROM users WHERE username = ?');
  if (!exists.get(base)) return base;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base}${suffix}`;
    if (!exists.get(candidate)) return candidate;
  }
}

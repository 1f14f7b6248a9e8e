import type { UserSummary } from './user-summary';
import { foldForSearch } from '../validation/search-fold';
import { byNames } from '../sorting/name-collation';

/**
 * A user with the folded text a search matches against. Folding 10 000 names per keystroke would cost
 * more than a frame, so each key is folded once: not while the list loads (the list is painted sooner
 * without), but by `foldSearchKeys` when the page is idle, or by the first search that needs it.
 */
export interface UserSearchEntry {
  readonly user: UserSummary;
  key: string | undefined;
}

function keyOf(entry: UserSearchEntry): string {
  entry.key ??= foldForSearch(`${entry.user.firstName} ${entry.user.lastName} ${entry.user.username} ${entry.user.email}`);
  return entry.key;
}

/** Sorted by last name, first name, username (as a Norwegian reader expects "Åsen" after "Nordmann"). */
export function buildUserSearchIndex(users: readonly UserSummary[]): UserSearchEntry[] {
  return users
    .map((user): UserSearchEntry => ({ user, key: undefined }))
    .sort(byNames((entry) => [entry.user.lastName, entry.user.firstName, entry.user.username]));
}

/** Folds the keys not yet folded, while `hasTime()` says there is time; true once every key is folded. */
export function foldSearchKeys(index: readonly UserSearchEntry[], hasTime: () => boolean): boolean {
  for (const entry of index) {
    if (entry.key !== undefined) continue;
    if (!hasTime()) return false;
    keyOf(entry);
  }
  return true;
}

/** The query's words, folded; every word must occur in a user's name, username or e-mail. */
export function searchTerms(query: string): string[] {
  const folded = foldForSearch(query);
  return folded === '' ? [] : folded.split(' ');
}

export function filterUserIndex(index: readonly UserSearchEntry[], query: string): UserSummary[] {
  const terms = searchTerms(query);
  if (terms.length === 0) return index.map((entry) => entry.user);
  const matches: UserSummary[] = [];
  for (const entry of index) {
    const key = keyOf(entry);
    if (terms.every((term) => key.includes(term))) matches.push(entry.user);
  }
  return matches;
}

import type { User } from '../portal/portal-types';
import { foldForSearch } from '../validation/search-fold';
import { byNames } from '../sorting/name-collation';

/** A user with the folded text a search matches against, computed once when the list loads. */
export interface UserSearchEntry {
  readonly user: User;
  readonly key: string;
}

/**
 * Sorted by last name, first name, username (as a Norwegian reader expects "Åsen" after "Nordmann"),
 * each with its search key: folding 10 000 names per keystroke would cost more than a frame.
 */
export function buildUserSearchIndex(users: readonly User[]): UserSearchEntry[] {
  return users
    .map((user) => ({ user, key: foldForSearch(`${user.firstName} ${user.lastName} ${user.username} ${user.email}`) }))
    .sort(byNames((entry) => [entry.user.lastName, entry.user.firstName, entry.user.username]));
}

/** The query's words, folded; every word must occur in a user's name, username or e-mail. */
export function searchTerms(query: string): string[] {
  const folded = foldForSearch(query);
  return folded === '' ? [] : folded.split(' ');
}

export function filterUserIndex(index: readonly UserSearchEntry[], query: string): User[] {
  const terms = searchTerms(query);
  if (terms.length === 0) return index.map((entry) => entry.user);
  const matches: User[] = [];
  for (const entry of index) {
    if (terms.every((term) => entry.key.includes(term))) matches.push(entry.user);
  }
  return matches;
}

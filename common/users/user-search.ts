import type { User } from '../portal/portal-types';
import { foldForSearch } from '../validation/search-fold';

/** A user with the folded text a search matches against, computed once when the list loads. */
export interface UserSearchEntry {
  readonly user: User;
  readonly key: string;
}

const collator = new Intl.Collator('nb', { sensitivity: 'base' });

/**
 * Sorted by last name, first name, username (as a Norwegian reader expects "Åsen" after "Nordmann"),
 * each with its search key: folding 10 000 names per keystroke would cost more than a frame.
 */
export function buildUserSearchIndex(users: readonly User[]): UserSearchEntry[] {
  return users
    .map((user) => ({ user, key: foldForSearch(`${user.firstName} ${user.lastName} ${user.username} ${user.email}`) }))
    .sort(
      (a, b) =>
        collator.compare(a.user.lastName, b.user.lastName) ||
        collator.compare(a.user.firstName, b.user.firstName) ||
        collator.compare(a.user.username, b.user.username),
    );
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

/**
 * The one order for names a Norwegian reader expects: Æ, Ø and Å after Z (and in that order), case and
 * accents as tie-breakers only, and digits by value ("Gruppe 2" before "Gruppe 10"). Every place that
 * sorts names (renderer, main's cache, the portal) uses this collator, never `<` or SQLite's binary order.
 */
const collator = new Intl.Collator('nb', { numeric: true });

export function compareNames(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Compares by each name in turn: `byNames((user) => [user.lastName, user.firstName])`. */
export function byNames<T>(names: (item: T) => readonly string[]): (a: T, b: T) => number {
  return (a, b) => {
    const left = names(a);
    const right = names(b);
    for (let index = 0; index < Math.max(left.length, right.length); index++) {
      const order = collator.compare(left[index] ?? '', right[index] ?? '');
      if (order !== 0) return order;
    }
    return 0;
  };
}

/** A sorted copy; the input is left as it is. */
export function sortByNames<T>(items: readonly T[], names: (item: T) => readonly string[]): T[] {
  return [...items].sort(byNames(names));
}

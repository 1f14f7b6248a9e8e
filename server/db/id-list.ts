/**
 * `<column> IN` a list of ids bound as ONE parameter, a JSON array that SQLite's json_each unpacks: a page of a
 * thousand ids is one statement, compiled once whatever the count (an `IN (?, ?, …)` list is a new statement for
 * each count and meets SQLite's limit on parameters). The column comes from code, never from input; bind
 * `idList(ids)` in its place.
 */
export function inIdList(column: string): string {
  return `${column} IN (SELECT value FROM json_each(?))`;
}

export function idList(ids: ReadonlyArray<string | number | readonly string[]>): string {
  return JSON.stringify(ids);
}

/**
 * The steps from a page load to the painted users list, as Performance marks that `npm run bench` reads
 * (bench/renderer.ts prints each step's share). Only each step's first time after a load is marked, so
 * the timeline holds at most one entry per step however long the app runs; a mark is a name and a time,
 * nothing else, and costs about a microsecond: harmless where nobody reads them.
 */
export const STEP_MARKS = ['app.script', 'app.i18n', 'session.known', 'users.list.asked', 'users.list.answered', 'users.index.built', 'users.list.committed'] as const;
export type StepMark = (typeof STEP_MARKS)[number];

export const STEP_MARK_PREFIX = 'fjernhjelp:';

export function markStep(step: StepMark): void {
  const name = `${STEP_MARK_PREFIX}${step}`;
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}

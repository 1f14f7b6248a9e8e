/** The middle run by `by` (the upper middle of an even count): one garbage collection or a busy neighbour does not make the figure. */
export function median<T>(runs: readonly T[], by: (run: T) => number): T {
  if (runs.length === 0) throw new Error('no runs to take the median of');
  return [...runs].sort((a, b) => by(a) - by(b))[Math.floor(runs.length / 2)]!;
}

/** The median of plain numbers. */
export const medianOf = (values: readonly number[]): number => median(values, (value) => value);

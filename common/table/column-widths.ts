/** One column as measured: the width its widest value needs, and the narrowest it may be made (CSS px). */
export interface ColumnMeasure {
  natural: number;
  /** Equal to `natural` for a column that must never be cut (buttons, a select). */
  min: number;
}

/**
 * Column widths from content. When everything fits, every column gets what its widest value needs and
 * the space left over is shared in proportion. When not, the widest columns give way first, down to one
 * common cap, so short values (dates, a mode) stay whole and only the longest names are cut; no column
 * goes below its minimum, and if even the minimums do not fit, the table is wider than `available` and
 * its region scrolls sideways.
 */
export function allocateColumnWidths(columns: readonly ColumnMeasure[], available: number): number[] {
  const naturals = columns.map((column) => Math.max(column.natural, column.min, 0));
  const mins = columns.map((column, index) => Math.min(Math.max(column.min, 0), naturals[index]!));
  const total = sum(naturals);
  if (total <= available) {
    const extra = available - total;
    return total === 0 ? naturals.map(() => available / Math.max(1, naturals.length)) : naturals.map((width) => width + (extra * width) / total);
  }
  if (sum(mins) >= available) return mins;
  // The cap C with sum(max(min, min(natural, C))) === available; that sum grows with C, so bisect.
  const widthsAt = (cap: number) => naturals.map((natural, index) => Math.max(mins[index]!, Math.min(natural, cap)));
  let low = 0;
  let high = Math.max(...naturals);
  for (let step = 0; step < 50 && high - low > 0.01; step++) {
    const cap = (low + high) / 2;
    if (sum(widthsAt(cap)) > available) high = cap;
    else low = cap;
  }
  return widthsAt(low);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

import type { ReactNode } from 'react';
import type { SortKey } from '../../../common/sorting/sort-rows';

/**
 * How a cell behaves when its column is narrower than its value:
 * - 'wrap' (the default): the value wraps at its spaces and the row grows; the column is never narrower
 *   than its longest word;
 * - 'cut': one line, cut with "…", the full value shown on hover (title) and on keyboard focus: for long
 *   values without spaces to wrap at (a group's full name, an e-mail address, a URL);
 * - 'words': wraps at its spaces like 'wrap', but never inside a word, however narrow the table: for a few fixed
 *   words a reader scans ("Uten godkjenning"), which may go on two lines but must not be broken;
 * - 'whole': never narrower than its content (buttons, a select).
 */
export type CellFit = 'cut' | 'wrap' | 'words' | 'whole';

type DataAttributes = Record<`data-${string}`, string | undefined>;

export interface DataColumn<T> {
  id: string;
  header: string;
  /** The header is for assistive technology only (an actions column). */
  headerHidden?: boolean;
  /**
   * The value as plain text, as the cell shows it: sizes the column, and is what a cut cell shows in full.
   * Columns of controls may leave it out.
   */
  text?: (row: T) => string;
  /** What the cell shows; by default the text. */
  render?: (row: T) => ReactNode;
  sort?: SortKey<T>;
  fit?: CellFit;
  /** The cell is the row's header (`<th scope="row">`). */
  rowHeader?: boolean;
  /** Classes of the cell (also used to measure it: a bold or monospace value is wider). */
  cellClass?: (row: T) => string | undefined;
  cellData?: (row: T) => DataAttributes;
}

export type { DataAttributes };

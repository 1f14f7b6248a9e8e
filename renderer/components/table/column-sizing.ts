import type { ColumnMeasure } from '../../../common/table/column-widths';
import type { CellFit, DataColumn } from './data-column';

/**
 * Rows read to find each column's longest values; more are sampled evenly, so a keystroke that filters
 * 10 000 users stays within a frame. A longer value in a row not sampled is measured when it is in view.
 */
const SAMPLED_ROWS = 500;
const LONGEST_KEPT = 3;
/** The narrowest a 'cut' column gets (about eight characters), and the longest word a 'wrap' column keeps whole. */
const CUT_MIN_EM = 5;
const WRAP_WORD_EM = 8;

export interface SizerText {
  text: string;
  className: string | undefined;
}

export interface ColumnSizer {
  /** The few longest values by characters (a proportional font can make a shorter text wider, so more than one is measured). */
  values: SizerText[];
  /** The longest words of the values: a wrapping column is never made narrower than these. */
  words: SizerText[];
}

/**
 * Per column, what the hidden sizer measures, so that a column fits its widest value even when that
 * row is scrolled far out of view.
 */
export function columnSizers<T>(rows: readonly T[], columns: readonly DataColumn<T>[]): ColumnSizer[] {
  const step = Math.max(1, rows.length / SAMPLED_ROWS);
  const sizers = columns.map((): ColumnSizer => ({ values: [], words: [] }));
  for (let position = 0; position < rows.length; position += step) {
    const row = rows[Math.floor(position)]!;
    columns.forEach((column, index) => {
      if (!column.text) return;
      const text = column.text(row);
      const className = column.cellClass?.(row);
      const sizer = sizers[index]!;
      keepLongest(sizer.values, text, className);
      // A line may break at a space or after a hyphen ("NorskHelsenetttest-" | "Maskiner").
      for (const word of text.split(' ')) {
        if (word.includes('-')) for (const part of word.split(/(?<=-)/)) keepLongest(sizer.words, part, className);
        else keepLongest(sizer.words, word, className);
      }
    });
  }
  return sizers;
}

function keepLongest(kept: SizerText[], text: string, className: string | undefined): void {
  if (kept.length === LONGEST_KEPT && text.length <= kept[LONGEST_KEPT - 1]!.text.length) return;
  if (text === '') return;
  if (kept.some((entry) => entry.text === text)) return;
  kept.push({ text, className });
  kept.sort((a, b) => b.text.length - a.text.length);
  kept.length = Math.min(kept.length, LONGEST_KEPT);
}

export interface ColumnNeeds {
  /** Every word kept whole. */
  strict: ColumnMeasure[];
  /** A very long word may break inside (when `strict` does not fit). */
  loose: ColumnMeasure[];
}

/**
 * What each column needs: its natural width is the widest of its header and values on one line (the
 * hidden sizer) and of the cells now rendered (buttons and selects have no text to measure); its
 * minimum depends on its fit: a 'whole' column keeps its natural width, a 'wrap' column its longest
 * word (and its header's; loosely, a very long word such as a full group name may break inside before
 * the table has to scroll sideways), a 'words' column always its longest word, a 'cut' column a few characters (and its header's longest word).
 * A focused cell is left out: it shows its full value wrapped, so it measures no wider than its column.
 */
export function measureColumns(region: HTMLElement, fits: readonly CellFit[]): ColumnNeeds {
  const widest = { value: fits.map(() => 0), headerWord: fits.map(() => 0), valueWord: fits.map(() => 0) };
  const grow = (into: number[], element: HTMLElement, width: number) => {
    const column = Number(element.dataset['column']);
    if (column in into) into[column] = Math.max(into[column]!, width);
  };
  for (const text of region.querySelectorAll<HTMLElement>('.data-table-sizer [data-column]')) {
    const word = text.dataset['word'];
    grow(word === 'header' ? widest.headerWord : word === 'value' ? widest.valueWord : widest.value, text, text.getBoundingClientRect().width);
  }
  for (const cell of region.querySelectorAll<HTMLElement>('tbody .cell[data-column]')) {
    const fit = fits[Number(cell.dataset['column'])];
    if (fit === 'wrap' || fit === 'words' || cell.parentElement?.contains(document.activeElement)) continue;
    grow(widest.value, cell, cell.scrollWidth);
  }
  const header = region.querySelector('thead th');
  const headerStyle = header ? getComputedStyle(header) : undefined;
  const padding = headerStyle ? parseFloat(headerStyle.paddingLeft) + parseFloat(headerStyle.paddingRight) : 20;
  const em = parseFloat(getComputedStyle(region).fontSize) || 15;
  const width = (content: number) => Math.ceil(content + padding + 1);
  const needs = (capWords: boolean) =>
    fits.map((fit, column) => {
      const natural = width(Math.max(widest.value[column]!, widest.headerWord[column]!, widest.valueWord[column]!));
      const headerWord = width(widest.headerWord[column]!);
      const word = capWords && fit === 'wrap' ? Math.min(width(widest.valueWord[column]!), width(WRAP_WORD_EM * em)) : width(widest.valueWord[column]!);
      const min =
        fit === 'whole' ? natural : fit === 'wrap' || fit === 'words' ? Math.max(headerWord, word) : Math.max(headerWord, Math.min(natural, width(CUT_MIN_EM * em)));
      return { natural, min: Math.min(natural, min) };
    });
  return { strict: needs(false), loose: needs(true) };
}

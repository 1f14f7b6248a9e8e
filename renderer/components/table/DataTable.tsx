import { useVirtualizer } from '@tanstack/react-virtual';
import { Fragment, useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { sortRows, type SortState } from '../../../common/sorting/sort-rows';
import { allocateColumnWidths } from '../../../common/table/column-widths';
import { columnSizers, measureColumns } from './column-sizing';
import { focusTarget, markCutCells } from './cut-cells';
import type { DataAttributes, DataColumn } from './data-column';

const PAGE_ROWS = 10;
const ROW_MOVES: Record<string, (index: number, last: number) => number> = {
  ArrowDown: (index) => index + 1,
  ArrowUp: (index) => index - 1,
  PageDown: (index) => index + PAGE_ROWS,
  PageUp: (index) => index - PAGE_ROWS,
  Home: () => 0,
  End: (_, last) => last,
};

/**
 * The one table of the app, for ten rows or 100 000:
 * - columns are sized by their content (the longest values of all rows, not only those in view); when
 *   space is short the longest values are cut first, and a cut value shows in full on hover and on focus;
 * - every column with a sort key sorts from its header button (aria-sort says how), text in Norwegian order;
 * - the header stays in view, and only the rows in view are rendered; spacer rows stand in for the rest,
 *   and aria-rowcount / aria-rowindex tell screen readers where they are in the whole list;
 * - Arrow keys, Page Up/Down, Home and End move from a row's link or button to the same one in another row;
 * - one row may be expanded: what it shows (e.g. an audit event's changes) is a full-width row right
 *   below it, measured with it so the rows after it move down.
 */
export function DataTable<T>({
  label,
  rows,
  rowKey,
  columns,
  sortedBy,
  onRowClick,
  rowTestId,
  rowData,
  testId,
  estimatedRowHeight = 44,
  expanded,
}: {
  label: string;
  rows: readonly T[];
  rowKey: (row: T) => string;
  columns: readonly DataColumn<T>[];
  /** The order `rows` already come in, shown on that column's header until the user sorts another way. */
  sortedBy?: SortState;
  /** A mouse shortcut only: each row must also hold a link or button for the keyboard. */
  onRowClick?: (row: T) => void;
  rowTestId?: string;
  rowData?: (row: T) => DataAttributes;
  testId?: string;
  estimatedRowHeight?: number;
  /** The row (by its key) that shows more below itself, and what it shows. */
  expanded?: { rowKey: string; render: (row: T) => ReactNode; testId?: string } | undefined;
}) {
  const { t } = useTranslation();
  const regionRef = useRef<HTMLDivElement>(null);
  const [sort, setSort] = useState<{ state: SortState; chosen: boolean } | undefined>(sortedBy && { state: sortedBy, chosen: false });
  const sortKeys = useRef(new Map<string, DataColumn<T>['sort']>());
  sortKeys.current = new Map(columns.map((column) => [column.id, column.sort]));
  const shown = useMemo(() => {
    const key = sort?.chosen ? sortKeys.current.get(sort.state.column) : undefined;
    return key && sort ? sortRows(rows, key, sort.state.direction) : rows;
  }, [rows, sort]);

  // The virtualiser lays out all rows again (10 000 for the users) whenever getItemKey is a new function.
  const rowKeyRef = useRef(rowKey);
  rowKeyRef.current = rowKey;
  const getItemKey = useCallback((index: number) => rowKeyRef.current(shown[index]!), [shown]);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => regionRef.current,
    estimateSize: () => estimatedRowHeight,
    getItemKey,
    // A row and the expanded row under it are one item.
    measureElement: (element) => element.getBoundingClientRect().height + expandedHeight(element),
    overscan: 12,
  });
  const expandedIndex = expanded ? shown.findIndex((row) => rowKey(row) === expanded.rowKey) : -1;
  const expandedRef = useExpandedRow(virtualizer.measureElement, expanded?.rowKey);
  // Opening or closing changes the height of the item the expanded row belongs to.
  useLayoutEffect(() => {
    regionRef.current?.querySelectorAll('tbody tr[data-index]').forEach((row) => virtualizer.measureElement(row));
  }, [expandedIndex, virtualizer]);
  // The expanded row counts as a row of the table, so the rows after it are one further down.
  const rowIndex = (index: number) => index + 2 + (expandedIndex >= 0 && index > expandedIndex ? 1 : 0);
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;

  // Sizing: the longest values of all rows go to a hidden sizer; widths are set before the first paint.
  const columnSignature = columns.map((column) => `${column.id}:${column.header}:${column.fit ?? 'wrap'}`).join('|');
  const columnsRef = useRef(columns);
  columnsRef.current = columns;
  // Not keyed on the columns array (screens build it on every render): their values follow the rows and headers.
  const sizerTexts = useMemo(() => columnSizers(rows, columnsRef.current), [rows, columnSignature]);
  const fits = useMemo(() => columnsRef.current.map((column) => column.fit ?? 'wrap'), [columnSignature]);
  const [widths, setWidths] = useState<number[] | undefined>(undefined);
  const measured = useRef<{ texts: unknown; naturals: number[] }>({ texts: undefined, naturals: [] });
  const resize = useRef<() => void>(() => {});
  resize.current = () => {
    const region = regionRef.current;
    if (!region || region.clientWidth === 0) return;
    const { strict, loose } = measureColumns(region, fits);
    // Widths only grow while the same rows scroll by, so columns do not jump under the reader.
    if (measured.current.texts !== sizerTexts) measured.current = { texts: sizerTexts, naturals: [] };
    const naturals = strict.map((measure, index) => Math.max(measure.natural, measured.current.naturals[index] ?? 0));
    measured.current.naturals = naturals;
    const need = (measures: typeof strict) => measures.map((measure, index) => ({ natural: naturals[index]!, min: measure.min === measure.natural ? naturals[index]! : measure.min }));
    const fitting = (widths: number[]) => widths.reduce((sum, width) => sum + width, 0) <= region.clientWidth;
    // Words whole if that fits; else a very long word may break before the table scrolls sideways.
    const whole = allocateColumnWidths(need(strict), region.clientWidth).map(Math.floor);
    const next = fitting(whole) ? whole : allocateColumnWidths(need(loose), region.clientWidth).map(Math.floor);
    // Even the narrowest columns do not fit: the region scrolls sideways (a data table may, WCAG 1.4.10).
    region.dataset['fits'] = String(fitting(next));
    setWidths((current) => (current && current.length === next.length && current.every((width, index) => Math.abs(width - next[index]!) < 1) ? current : next));
  };
  const renderedRange = `${items[0]?.index ?? -1}-${items[items.length - 1]?.index ?? -1}`;
  useLayoutEffect(() => resize.current(), [sizerTexts, renderedRange, fits]);
  useLayoutEffect(() => {
    const region = regionRef.current;
    if (!region) return;
    const observer = new ResizeObserver(() => resize.current());
    observer.observe(region);
    return () => observer.disconnect();
  }, []);
  // After every render: which of the rendered values are cut just now.
  useLayoutEffect(() => {
    if (regionRef.current) markCutCells(regionRef.current);
  });

  const chooseSort = (column: DataColumn<T>) => {
    const direction = sort?.state.column === column.id && sort.state.direction === 'ascending' ? 'descending' : 'ascending';
    setSort({ state: { column: column.id, direction }, chosen: true });
  };
  const sortedColumn = columns.find((column) => column.id === sort?.state.column);

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const move = ROW_MOVES[event.key];
    const target = event.target as HTMLElement;
    if (!move || event.altKey || event.ctrlKey || event.metaKey || target.matches('input, select, textarea')) return;
    const row = target.closest<HTMLElement>('tr[data-index]');
    const cell = target.closest('td, th');
    if (!row || !cell) return;
    const next = Math.max(0, Math.min(shown.length - 1, move(Number(row.dataset['index']), shown.length - 1)));
    const column = [...row.children].indexOf(cell);
    event.preventDefault();
    virtualizer.scrollToIndex(next, { align: 'auto' });
    focusRowWhenRendered(regionRef.current, next, column);
  };

  const total = widths?.reduce((sum, width) => sum + width, 0);
  return (
    <div ref={regionRef} className="data-table" role="region" aria-label={label} tabIndex={0} data-testid={testId} data-count={rows.length}>
      <table aria-label={label} aria-rowcount={rows.length + 1 + (expandedIndex >= 0 ? 1 : 0)} style={total ? { width: total } : undefined} className={widths ? 'sized' : undefined}>
        {widths && (
          <colgroup>
            {widths.map((width, index) => (
              <col key={columns[index]?.id ?? index} style={{ width }} />
            ))}
          </colgroup>
        )}
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((column) => (
              <th
                key={column.id}
                scope="col"
                aria-sort={column.sort ? (sort?.state.column === column.id ? sort.state.direction : 'none') : undefined}
              >
                {column.headerHidden ? (
                  <span className="visually-hidden">{column.header}</span>
                ) : column.sort ? (
                  <button type="button" className="sort-button" onClick={() => chooseSort(column)}>
                    {column.header}
                    <SortMark direction={sort?.state.column === column.id ? sort.state.direction : undefined} />
                  </button>
                ) : (
                  column.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {paddingTop > 0 && (
            <tr aria-hidden="true" className="virtual-spacer">
              <td colSpan={columns.length} style={{ height: paddingTop }} />
            </tr>
          )}
          {items.map((item) => {
            const row = shown[item.index]!;
            return (
              <Fragment key={item.key}>
                <tr
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  aria-rowindex={rowIndex(item.index)}
                  data-testid={rowTestId}
                  {...rowData?.(row)}
                  className={onRowClick ? 'clickable-row' : undefined}
                  onClick={onRowClick ? () => onRowClick(row) : undefined}
                >
                  {columns.map((column, index) => (
                    <Cell key={column.id} column={column} index={index} row={row} />
                  ))}
                </tr>
                {item.index === expandedIndex && expanded && (
                  <tr ref={expandedRef} aria-rowindex={rowIndex(item.index) + 1} className="expanded-row" data-expanded-row="true" data-testid={expanded.testId}>
                    <td colSpan={columns.length}>{expanded.render(row)}</td>
                  </tr>
                )}
              </Fragment>
            );
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden="true" className="virtual-spacer">
              <td colSpan={columns.length} style={{ height: paddingBottom }} />
            </tr>
          )}
        </tbody>
      </table>
      <div className="data-table-sizer" aria-hidden="true">
        {columns.map((column, index) => {
          const sizer = sizerTexts[index];
          const className = (entry: { className: string | undefined }) => [column.rowHeader ? 'row-header' : undefined, entry.className].filter(Boolean).join(' ') || undefined;
          return (
            <div key={column.id}>
              {!column.headerHidden && (
                <>
                  <span className="sizer-header" data-column={index}>
                    {column.header}
                    {column.sort && <SortMark direction="ascending" />}
                  </span>
                  {column.header.split(/\s+/).map((word, position) => (
                    <span key={`h${position}`} className="sizer-header" data-column={index} data-word="header">
                      {word}
                    </span>
                  ))}
                </>
              )}
              {sizer?.values.map((entry, position) => (
                <span key={`v${position}`} className={className(entry)} data-column={index}>
                  {entry.text}
                </span>
              ))}
              {sizer?.words.map((entry, position) => (
                <span key={`w${position}`} className={className(entry)} data-column={index} data-word="value">
                  {entry.text}
                </span>
              ))}
            </div>
          );
        })}
      </div>
      <span className="visually-hidden" role="status">
        {sort?.chosen && sortedColumn
          ? t(sort.state.direction === 'ascending' ? 'table.sortedAscending' : 'table.sortedDescending', { column: sortedColumn.header })
          : ''}
      </span>
    </div>
  );
}

function Cell<T>({ column, index, row }: { column: DataColumn<T>; index: number; row: T }) {
  const fit = column.fit ?? 'wrap';
  const text = column.text?.(row);
  const content: ReactNode = column.render ? column.render(row) : text;
  const className = column.cellClass?.(row);
  const inner = (
    <div className={`cell ${fit}`} data-column={index} data-full={fit === 'cut' ? text : undefined}>
      {content}
    </div>
  );
  return column.rowHeader ? (
    <th scope="row" className={className} {...column.cellData?.(row)}>
      {inner}
    </th>
  ) : (
    <td className={className} {...column.cellData?.(row)}>
      {inner}
    </td>
  );
}

function SortMark({ direction }: { direction: 'ascending' | 'descending' | undefined }) {
  return (
    <span className={direction ? 'sort-mark active' : 'sort-mark'} aria-hidden="true">
      {direction === 'descending' ? '▼' : direction === 'ascending' ? '▲' : '↕'}
    </span>
  );
}

function expandedHeight(row: Element): number {
  const next = row.nextElementSibling;
  return next instanceof HTMLElement && next.dataset['expandedRow'] ? next.getBoundingClientRect().height : 0;
}

/**
 * A ref for the expanded row: while it is shown, a change of its height (its content can grow, e.g. on
 * text zoom) re-measures the row above it, and it is brought into view once each time it opens.
 */
function useExpandedRow(measure: (row: Element) => void, key: string | undefined): (element: HTMLTableRowElement | null) => void {
  const observer = useRef<ResizeObserver | undefined>(undefined);
  const scrolledTo = useRef<string | undefined>(undefined);
  return useCallback(
    (element: HTMLTableRowElement | null) => {
      observer.current?.disconnect();
      observer.current = undefined;
      if (!element) return;
      const row = element.previousElementSibling;
      if (row) {
        measure(row);
        observer.current = new ResizeObserver(() => measure(row));
        observer.current.observe(element);
      }
      // Once per opening: not again when scrolling brings the row back into the rendered range.
      if (scrolledTo.current !== key) {
        scrolledTo.current = key;
        element.scrollIntoView({ block: 'nearest' });
      }
    },
    [measure, key],
  );
}

/** The virtualiser renders the new range on its next frame or two: focus the row once it exists. */
function focusRowWhenRendered(region: HTMLElement | null, index: number, column: number, attempts = 4): void {
  requestAnimationFrame(() => {
    const row = region?.querySelector(`tbody tr[data-index="${index}"]`);
    const target = row && focusTarget(row, column);
    if (target) target.focus();
    else if (attempts > 1) focusRowWhenRendered(region, index, column, attempts - 1);
  });
}

/** Hands focus to the first row's link or button (e.g. ArrowDown from a search field above the table). */
export function focusFirstRow(region: HTMLElement | null): void {
  if (!region) return;
  region.scrollTop = 0;
  focusRowWhenRendered(region, 0, 0);
}

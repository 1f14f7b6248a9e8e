import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';

/**
 * A table whose body renders only the rows in view (an organisation may have thousands of groups).
 * Real table semantics stay: spacer rows stand in for the rows above and below, and aria-rowcount /
 * aria-rowindex tell screen readers where they are in the whole list.
 */
export function VirtualTable<T>({
  label,
  rows,
  rowKey,
  head,
  columnCount,
  renderCells,
  onRowClick,
  rowTestId,
  rowHeight = 44,
  columnWidths,
}: {
  label: string;
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** The <th> cells of the header row. */
  head: ReactNode;
  columnCount: number;
  renderCells: (row: T) => ReactNode;
  /** A mouse shortcut only: each row must also hold a link or button for the keyboard. */
  onRowClick?: (row: T) => void;
  rowTestId?: string;
  rowHeight?: number;
  /** CSS widths per column: rows have a fixed height, so long cells are cut, and widths decide where. */
  columnWidths?: readonly string[];
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;

  return (
    <div ref={scrollRef} className="virtual-table" role="region" aria-label={label} tabIndex={0}>
      <table aria-label={label} aria-rowcount={rows.length + 1}>
        {columnWidths && (
          <colgroup>
            {columnWidths.map((width, index) => (
              <col key={index} style={{ width }} />
            ))}
          </colgroup>
        )}
        <thead>
          <tr aria-rowindex={1}>{head}</tr>
        </thead>
        <tbody>
          {paddingTop > 0 && (
            <tr aria-hidden="true" className="virtual-spacer">
              <td colSpan={columnCount} style={{ height: paddingTop }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <tr
                key={rowKey(row)}
                aria-rowindex={item.index + 2}
                data-testid={rowTestId}
                style={{ height: rowHeight }}
                className={onRowClick ? 'clickable-row' : undefined}
                onClick={onRowClick ? () => onRowClick(row) : undefined}
              >
                {renderCells(row)}
              </tr>
            );
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden="true" className="virtual-spacer">
              <td colSpan={columnCount} style={{ height: paddingBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

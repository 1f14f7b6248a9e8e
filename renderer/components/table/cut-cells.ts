const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * Marks the rendered cells whose value is cut ("Grønnåsen Helsed…"): hover shows the full value (title),
 * and the cell takes keyboard focus (unless it holds a link or button, which takes it instead), where
 * it shows the value whole (styles.css). Marks come off again when a wider column lets the value fit.
 * A cell with focus keeps its mark: it is showing its value whole just then, so it cannot be measured.
 */
export function markCutCells(region: HTMLElement): void {
  // All cells are measured before any is marked: a mark between two measurements would lay the table out again.
  const measured = [...region.querySelectorAll<HTMLElement>('tbody .cell.cut')].flatMap((cell) => {
    const holder = cell.parentElement;
    if (!holder || holder.contains(document.activeElement)) return [];
    return [{ cell, holder, cut: cell.scrollWidth > cell.clientWidth }];
  });
  for (const { cell, holder, cut } of measured) {
    if (cut) {
      holder.dataset['cut'] = 'true';
      holder.title = cell.dataset['full'] ?? cell.textContent ?? '';
      if (!cell.querySelector(FOCUSABLE)) holder.tabIndex = 0;
    } else if (holder.dataset['cut']) {
      delete holder.dataset['cut'];
      holder.removeAttribute('title');
      holder.removeAttribute('tabindex');
    }
  }
}

/** The element to focus in a row's cell: its link or button, the cell itself when it takes focus, or the row's first. */
export function focusTarget(row: Element, column: number): HTMLElement | null {
  const cell = row.children[column];
  return cell?.querySelector<HTMLElement>(FOCUSABLE) ?? (cell instanceof HTMLElement && cell.tabIndex >= 0 ? cell : row.querySelector<HTMLElement>(FOCUSABLE));
}

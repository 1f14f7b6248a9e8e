import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * What a window size or zoom must not do to a screen (WCAG 1.4.4 resize text, 1.4.10 reflow, 2.4.11 focus
 * not obscured), as one list of readable problems:
 * - the page scrolls sideways, or an element sticks out of the window;
 * - a box cuts off its content (text or a button clipped), except a table cell that shows its value in
 *   full on hover and focus (the table's own mechanism), and (where `tablesMayScroll`: at 200 % zoom) a
 *   data table that scrolls sideways because even its narrowest columns do not fit (WCAG 1.4.10 lets a
 *   data table do that);
 * - a button's label breaks onto a second line (a sortable column's header may wrap at its spaces);
 * - a link, button or field cannot be brought into view uncovered (under the status bar, say).
 */
export function layoutProblems(page: Page, options: { tablesMayScroll: boolean }): Promise<string[]> {
  return page.evaluate(({ tablesMayScroll }) => {
    const problems: string[] = [];
    const describe = (element: Element) => {
      const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      const name = element.getAttribute('aria-label') ?? element.getAttribute('data-testid') ?? element.className.toString();
      return `<${element.tagName.toLowerCase()}${name ? ` ${name}` : ''}> "${text}"`;
    };
    const hidden = (element: Element) =>
      !!element.closest('[aria-hidden="true"], .visually-hidden, .data-table-sizer, [hidden], dialog:not([open])') ||
      element.getClientRects().length === 0 ||
      getComputedStyle(element).visibility === 'hidden';
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth > width + 1) problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${width} px)`);

    for (const element of document.body.querySelectorAll('*')) {
      if (hidden(element)) continue;
      const style = getComputedStyle(element);
      // A field scrolls its own text; that is not content cut off.
      const clips = style.overflowX !== 'visible' && !element.matches('input, textarea, select');
      if (clips && element.scrollWidth > element.clientWidth + 1) {
        const cutCell = element.matches('.cell.cut') && element.parentElement?.matches('[data-cut][title]');
        const tooWideTable = tablesMayScroll && element.matches('.data-table[data-fits="false"]');
        const columns = element.matches('.data-table') ? `, columns ${[...element.querySelectorAll('col')].map((col) => Math.round(col.getBoundingClientRect().width)).join('+')}` : '';
        if (!cutCell && !tooWideTable) problems.push(`${describe(element)} cuts off its content (${element.scrollWidth} > ${element.clientWidth} px${columns})`);
      }
      // Inside a box that scrolls sideways an element may lie outside the window: it is reached by scrolling.
      const rect = element.getBoundingClientRect();
      let scroller = element.parentElement;
      while (scroller && getComputedStyle(scroller).overflowX === 'visible') scroller = scroller.parentElement;
      if (rect.right > width + 1 && (!scroller || scroller === document.body || scroller === document.documentElement)) {
        problems.push(`${describe(element)} sticks out of the window (right edge at ${Math.round(rect.right)} of ${width} px)`);
      }
    }

    // A column header may wrap at its spaces in a narrow column (its words are never cut).
    for (const button of document.querySelectorAll('button:not(.sort-button)')) {
      if (hidden(button)) continue;
      // The label's text only (an icon beside it sits on another baseline): do its pieces start on different lines?
      const tops: number[] = [];
      const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        tops.push(...[...range.getClientRects()].filter((line) => line.width > 0).map((line) => line.top));
      }
      const fontSize = parseFloat(getComputedStyle(button).fontSize);
      if (tops.length > 1 && Math.max(...tops) - Math.min(...tops) > fontSize / 2) problems.push(`${describe(button)}: the label breaks onto more than one line`);
    }

    // Every control outside the tables, and those of the first row of each table.
    const controls = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea')].filter(
      (control) => !hidden(control) && !control.closest('.data-table tbody tr:not([data-index="0"])'),
    );
    for (const control of controls) {
      control.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const box = control.getBoundingClientRect();
      const x = Math.min(Math.max(box.left + box.width / 2, 0), window.innerWidth - 1);
      const y = Math.min(Math.max(box.top + Math.min(box.height / 2, 10), 0), window.innerHeight - 1);
      const top = document.elementFromPoint(x, y);
      const label = control.id ? document.querySelector(`label[for="${CSS.escape(control.id)}"]`) : null;
      if (!top || !(control.contains(top) || top.contains(control) || label?.contains(top))) {
        problems.push(`${describe(control)} is covered by ${top ? describe(top) : 'nothing'} when scrolled into view`);
      }
    }
    return problems;
  }, options);
}

/** axe's serious and critical violations, one line each. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).analyze();
  return axe.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

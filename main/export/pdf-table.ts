import type PdfDocument from 'pdfkit';

/** pdfkit's typings declare the document instance as the module's export. */
export type PdfDoc = typeof PdfDocument;

/**
 * A table for pdfkit documents that an auditor can read on paper: cell text wraps, the header row is
 * repeated at the top of every page, and a row is never split across two pages (a row that alone is
 * taller than a page is cut with an ellipsis rather than split, which would make it ambiguous).
 *
 * Plain layout code instead of pdfkit's own table(): that one does not repeat the header row on a new
 * page, and an auditor reading page 5 should not have to turn back to page 1 to know the columns.
 */
export interface PdfTableColumn<Row> {
  header: string;
  /** Share of the page width, relative to the other columns. */
  weight: number;
  cell: (row: Row) => string;
}

export interface PdfTableStyle {
  /** Names registered with doc.registerFont. */
  font: string;
  boldFont: string;
  fontSize: number;
  padding: number;
}

const HEADER_FILL = '#dde3ea';
const STRIPE_FILL = '#f4f6f8';
const RULE_COLOUR = '#9aa5b1';
const TEXT_COLOUR = '#111111';
/** Measured heights and the renderer's own line test can differ by rounding; this keeps the last line from being dropped. */
const ROUNDING_SLACK = 1;

/**
 * A line above the header row, at the table's start and again on every page it continues on (a
 * vendor's name above its grants): whoever reads page 5 sees whose rows they are.
 */
export interface PdfTableCaption {
  text: (continued: boolean) => string;
  fontSize: number;
}

/** Draws the table from `top` on the current page and returns the y just below its last row. */
export function drawPdfTable<Row>(
  doc: PdfDoc,
  columns: readonly PdfTableColumn<Row>[],
  rows: readonly Row[],
  style: PdfTableStyle,
  top: number,
  caption?: PdfTableCaption,
): number {
  const left = doc.page.margins.left;
  const contentWidth = doc.page.width - left - doc.page.margins.right;
  const totalWeight = columns.reduce((sum, column) => sum + column.weight, 0);
  const widths = columns.map((column) => (contentWidth * column.weight) / totalWeight);
  const bottom = (): number => doc.page.height - doc.page.margins.bottom;

  const headerCells = columns.map((column) => column.header);
  const captionHeight = caption ? captionLines(doc, caption, contentWidth, style) : 0;
  const headerHeight = rowHeight(doc, headerCells, widths, style, style.boldFont) + captionHeight;
  // The tallest row a fresh page can hold under its header.
  const maxRowHeight = bottom() - doc.page.margins.top - headerHeight;
  const drawHeader = (y: number, continued: boolean): void => {
    if (caption) doc.font(style.boldFont).fontSize(caption.fontSize).fillColor(TEXT_COLOUR).text(caption.text(continued), left, y, { width: contentWidth });
    drawRow(doc, headerCells, widths, style, style.boldFont, left, y + captionHeight, headerHeight - captionHeight, HEADER_FILL);
  };

  let y = top;
  for (const [index, row] of rows.entries()) {
    const cells = columns.map((column) => column.cell(row));
    const height = Math.min(rowHeight(doc, cells, widths, style, style.font), maxRowHeight);
    const startsPage = index === 0 || y + height > bottom();
    if (startsPage) {
      if (index > 0 || y + headerHeight + height > bottom()) {
        doc.addPage();
        y = doc.page.margins.top;
      }
      drawHeader(y, index > 0);
      y += headerHeight;
    }
    drawRow(doc, cells, widths, style, style.font, left, y, height, index % 2 === 1 ? STRIPE_FILL : null);
    y += height;
  }
  if (rows.length === 0) {
    drawHeader(y, false);
    y += headerHeight;
  }
  return y;
}

/** The caption's height with a little space below it; the longer (continued) text decides. */
function captionLines(doc: PdfDoc, caption: PdfTableCaption, width: number, style: PdfTableStyle): number {
  doc.font(style.boldFont).fontSize(caption.fontSize);
  return Math.max(doc.heightOfString(caption.text(false), { width }), doc.heightOfString(caption.text(true), { width })) + style.padding;
}

function rowHeight(doc: PdfDoc, cells: readonly string[], widths: readonly number[], style: PdfTableStyle, font: string): number {
  doc.font(font).fontSize(style.fontSize);
  let tallest = doc.currentLineHeight();
  for (const [index, text] of cells.entries()) {
    if (!text) continue;
    tallest = Math.max(tallest, doc.heightOfString(text, { width: (widths[index] ?? 0) - 2 * style.padding }));
  }
  return tallest + 2 * style.padding;
}

function drawRow(
  doc: PdfDoc,
  cells: readonly string[],
  widths: readonly number[],
  style: PdfTableStyle,
  font: string,
  left: number,
  y: number,
  height: number,
  fill: string | null,
): void {
  const width = widths.reduce((sum, w) => sum + w, 0);
  if (fill) doc.rect(left, y, width, height).fill(fill);
  doc.lineWidth(0.5).strokeColor(RULE_COLOUR).moveTo(left, y + height).lineTo(left + width, y + height).stroke();
  doc.font(font).fontSize(style.fontSize).fillColor(TEXT_COLOUR);
  let x = left;
  for (const [index, text] of cells.entries()) {
    const cellWidth = widths[index] ?? 0;
    if (text) {
      doc.text(text, x + style.padding, y + style.padding, {
        width: cellWidth - 2 * style.padding,
        height: height - 2 * style.padding + ROUNDING_SLACK,
        ellipsis: true,
      });
    }
    x += cellWidth;
  }
}

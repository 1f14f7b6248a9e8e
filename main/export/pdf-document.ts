import PDFDocument from 'pdfkit';
import { dejavuFontFiles } from '../fonts/dejavu-fonts';
import type { PdfDoc, PdfTableStyle } from './pdf-table';

/**
 * What every report the app writes shares: A4 landscape, the shipped DejaVu fonts embedded (æ, ø, å and
 * the Sámi letters, and nothing loads Helvetica), the document's language and title, a creation date
 * from the report's own time so the same report gives the same bytes, a footer with the title and
 * "page X of Y" on every page, the title and section headings, key–value facts and the tables' style.
 */
export const PDF_REGULAR = 'report-regular';
export const PDF_BOLD = 'report-bold';
const AUTHOR = 'Fjernhjelp Admin';
/** The bottom margin leaves room for the footer line below the table. */
const MARGINS = { top: 36, bottom: 46, left: 32, right: 32 };
const FOOTER_FROM_BOTTOM = 30;
const FOOTER_SIZE = 8;
export const PDF_MUTED = '#555555';
export const PDF_TEXT = '#111111';
/** The reports' tables: small enough for a landscape page of columns, in the embedded fonts. */
export const PDF_TABLE_STYLE: PdfTableStyle = { font: PDF_REGULAR, boldFont: PDF_BOLD, fontSize: 7.5, padding: 3 };

export interface PdfReport {
  doc: PdfDoc;
  /** Writes the footers and ends the document; resolves with its bytes. */
  finish(page: (page: number, pageCount: number) => string): Promise<Buffer>;
}

export function startPdfReport(options: { title: string; subject: string; locale: string; createdAt: Date }): PdfReport {
  if (Number.isNaN(options.createdAt.getTime())) throw new Error('A report needs the time it was made');
  const fonts = dejavuFontFiles();
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: MARGINS,
    // Pages stay in memory until the end so each footer can say how many pages there are.
    bufferPages: true,
    // Start in the embedded font: nothing then loads or embeds Helvetica.
    font: fonts.regular,
    lang: options.locale,
    displayTitle: true,
    info: { Title: options.title, Author: AUTHOR, Creator: AUTHOR, Subject: options.subject, CreationDate: options.createdAt },
  });
  const bytes = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(PDF_REGULAR, fonts.regular);
  doc.registerFont(PDF_BOLD, fonts.bold);
  return {
    doc,
    finish(page) {
      drawFooters(doc, options.title, page);
      doc.end();
      return bytes;
    },
  };
}

/** Where the page's text goes: from the left margin to the right one. */
export function pdfContent(doc: PdfDoc): { left: number; width: number } {
  const left = doc.page.margins.left;
  return { left, width: doc.page.width - left - doc.page.margins.right };
}

/** The report's title at the top of the page and, when given, what it is about in a smaller line under it. */
export function drawPdfTitle(doc: PdfDoc, title: string, subtitle?: string): void {
  const { left, width } = pdfContent(doc);
  doc.fillColor(PDF_TEXT).font(PDF_BOLD).fontSize(18).text(title, left, doc.page.margins.top, { width });
  if (subtitle !== undefined) doc.font(PDF_BOLD).fontSize(13).text(subtitle, left, doc.y + 2, { width });
}

export interface PdfFact {
  key: string;
  value: string;
  /** The value's colour where it needs to stand out (an overdue status); the text colour otherwise. */
  colour?: string | undefined;
}

/** Facts as two columns (bold key, value) from `top`; returns the y below the last. */
export function drawPdfFacts(doc: PdfDoc, facts: readonly PdfFact[], x: number, top: number, width: number, keyWidth = 130): number {
  let y = top;
  for (const fact of facts) {
    doc.font(PDF_BOLD).fontSize(9).fillColor(PDF_MUTED).text(fact.key, x, y, { width: keyWidth - 8 });
    const keyBottom = doc.y;
    doc.font(PDF_REGULAR).fontSize(9).fillColor(fact.colour ?? PDF_TEXT).text(fact.value, x + keyWidth, y, { width: width - keyWidth });
    y = Math.max(keyBottom, doc.y) + 2;
  }
  doc.fillColor(PDF_TEXT);
  return y;
}

/**
 * A section heading at `x` (the left margin unless given) across `width` (to the right margin); starts a
 * new page when fewer than `keep` points are left below it. Returns the y a little below it.
 */
export function drawPdfHeading(
  doc: PdfDoc,
  text: string,
  top: number,
  { keep = 80, size = 12, x, width }: { keep?: number; size?: number; x?: number; width?: number } = {},
): number {
  let y = top;
  if (y + keep > doc.page.height - doc.page.margins.bottom) {
    doc.addPage();
    y = doc.page.margins.top;
  }
  const content = pdfContent(doc);
  doc.font(PDF_BOLD).fontSize(size).fillColor(PDF_TEXT).text(text, x ?? content.left, y, { width: width ?? content.width });
  return doc.y + 6;
}

function drawFooters(doc: PdfDoc, title: string, page: (page: number, pageCount: number) => string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    const { left, width } = pdfContent(doc);
    const y = doc.page.height - FOOTER_FROM_BOTTOM;
    // An explicit height keeps pdfkit from starting a new page for text below the bottom margin.
    const options = { height: FOOTER_SIZE * 2, ellipsis: true } as const;
    doc.font(PDF_REGULAR).fontSize(FOOTER_SIZE).fillColor(PDF_MUTED);
    doc.text(title, left, y, { ...options, width: width * 0.75 });
    doc.text(page(index - start + 1, count), left + width * 0.75, y, { ...options, width: width * 0.25, align: 'right' });
  }
}

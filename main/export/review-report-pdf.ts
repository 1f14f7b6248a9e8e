import PDFDocument from 'pdfkit';
import type { ReviewItemState, ReviewReport } from '../../common/review/review-campaign';
import { formatCalendarDate, formatOsloDateTime, osloCalendarDate } from '../../common/time/oslo-time';
import { drawPdfTable, type PdfDoc, type PdfTableColumn, type PdfTableStyle } from './pdf-table';
import { dejavuFontFiles } from '../fonts/dejavu-fonts';
import { reviewFileName } from './review-file-name';
import { decisionLabelKey, REVIEW_LABELS, type ReviewLabels, type ReviewLanguage } from './review-labels';
import { summariseReview } from './review-summary';

const REGULAR = 'report-regular';
const BOLD = 'report-bold';
const AUTHOR = 'Fjernhjelp Admin';
/** The bottom margin leaves room for the footer line below the table. */
const MARGINS = { top: 36, bottom: 46, left: 32, right: 32 };
const FOOTER_FROM_BOTTOM = 30;
const FOOTER_SIZE = 8;
const TABLE_STYLE: PdfTableStyle = { font: REGULAR, boldFont: BOLD, fontSize: 7.5, padding: 3 };
const MUTED = '#555555';
const OVERDUE = '#a0001c';
const TEXT = '#111111';

/**
 * The access review as a PDF an auditor can file: who kept which vendor's access to which machines,
 * why, and who decided. A4 landscape, heading with the campaign's facts and a summary, then one table
 * row per grant with the same columns as the CSV (time and person merged into one cell where the CSV
 * has two columns). Times are Oslo wall-clock time, as on the screen, and the heading says so.
 *
 * Deterministic for a given report: the PDF's creation date and file ID come from `generatedAt`, so
 * generating the same report twice gives the same bytes.
 */
export async function reviewReportPdf(report: ReviewReport, language: ReviewLanguage): Promise<Buffer> {
  const labels = REVIEW_LABELS[language];
  const generatedAt = new Date(report.generatedAt);
  if (Number.isNaN(generatedAt.getTime())) throw new Error(`Report generatedAt is not a time: ${report.generatedAt}`);
  const title = `${labels.report.title} – ${report.detail.campaign.name}`;
  const fonts = dejavuFontFiles();

  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: MARGINS,
    // Pages stay in memory until the end so each footer can say how many pages there are.
    bufferPages: true,
    // Start in the embedded font: nothing then loads or embeds Helvetica.
    font: fonts.regular,
    lang: labels.locale,
    displayTitle: true,
    info: { Title: title, Author: AUTHOR, Creator: AUTHOR, Subject: report.organisationName, CreationDate: generatedAt },
  });
  const bytes = collectBytes(doc);
  doc.registerFont(REGULAR, fonts.regular);
  doc.registerFont(BOLD, fonts.bold);

  const headingBottom = drawHeading(doc, report, labels, generatedAt);
  drawPdfTable(doc, tableColumns(labels), report.detail.items, TABLE_STYLE, headingBottom + 14);
  drawFooters(doc, labels, title);
  doc.end();
  return bytes;
}

export function reviewPdfFileName(campaignName: string, now: Date): string {
  return reviewFileName(campaignName, now, 'pdf');
}

function collectBytes(doc: PdfDoc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function tableColumns(labels: ReviewLabels): PdfTableColumn<ReviewItemState>[] {
  const { columns } = labels;
  const time = (iso: string | null | undefined): string => (iso ? formatOsloDateTime(iso, labels.locale) : '');
  // Two-line headers name both halves of a merged cell, so nothing in the CSV goes unnamed here.
  return [
    { header: columns.group, weight: 15, cell: (item) => item.groupFullName },
    { header: columns.vendor, weight: 13, cell: (item) => item.vendorName },
    { header: columns.access, weight: 8.5, cell: (item) => labels.mode[item.mode] },
    { header: `${columns.granted}\n${columns.grantedBy}`, weight: 10.5, cell: (item) => `${time(item.grantedAt)}\n${item.grantedBy}` },
    { header: columns.expires, weight: 9.5, cell: (item) => time(item.expiresAt) },
    { header: columns.decision, weight: 7, cell: (item) => labels.decision[decisionLabelKey(item.decision)] },
    { header: columns.justification, weight: 17, cell: (item) => item.decision?.justification ?? '' },
    {
      header: `${columns.reviewed}\n${columns.reviewedBy}`,
      weight: 10.5,
      cell: (item) => (item.decision ? `${time(item.decision.decidedAt)}\n${item.decision.decidedBy}` : ''),
    },
    { header: columns.removed, weight: 9.5, cell: (item) => time(item.removedAt) },
  ];
}

/** Title, the campaign's facts on the left and the summary on the right; returns the y below both. */
function drawHeading(doc: PdfDoc, report: ReviewReport, labels: ReviewLabels, generatedAt: Date): number {
  const { campaign, items } = report.detail;
  const { report: words } = labels;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const time = (iso: string): string => formatOsloDateTime(iso, labels.locale);

  doc.fillColor(TEXT).font(BOLD).fontSize(18).text(words.title, left, doc.page.margins.top, { width });
  doc.font(BOLD).fontSize(13).text(campaign.name, left, doc.y + 2, { width });
  const top = doc.y + 10;

  // A campaign is overdue once its due date has passed in Oslo without the final step having run.
  const overdue = !campaign.completedAt && osloCalendarDate(generatedAt) > campaign.dueDate;
  const status = campaign.completedAt ? `${words.completed} ${time(campaign.completedAt)}` : overdue ? words.overdue : words.inProgress;
  const facts: KeyValue[] = [
    { key: words.organisation, value: report.organisationName },
    { key: words.dueDate, value: formatCalendarDate(campaign.dueDate, labels.locale) },
    { key: words.started, value: `${time(campaign.startedAt)} ${words.by} ${campaign.startedBy}` },
    { key: words.status, value: status, colour: overdue ? OVERDUE : undefined },
    { key: words.generated, value: `${time(report.generatedAt)} ${words.by} ${report.generatedBy}` },
    // Every time in the report is Oslo time, as on the screen, whatever zone the PC that made it is set to.
    { key: words.timeZone, value: labels.timeZoneName },
  ];
  const factsWidth = width * 0.58;
  const factsBottom = drawKeyValues(doc, facts, left, top, factsWidth);

  const summary = summariseReview(items);
  const summaryLeft = left + factsWidth + 24;
  doc.fillColor(TEXT).font(BOLD).fontSize(10).text(words.summary, summaryLeft, top, { width: width - factsWidth - 24 });
  const summaryBottom = drawKeyValues(
    doc,
    [
      { key: words.grants, value: String(summary.grants) },
      { key: labels.decision.keep, value: String(summary.kept) },
      { key: labels.decision.remove, value: String(summary.removed) },
      { key: labels.decision.none, value: String(summary.notReviewed) },
      { key: words.keptWithoutApproval, value: String(summary.keptWithoutApproval) },
    ],
    summaryLeft,
    doc.y + 2,
    width - factsWidth - 24,
    SUMMARY_KEY_WIDTH,
  );
  return Math.max(factsBottom, summaryBottom);
}

interface KeyValue {
  key: string;
  value: string;
  colour?: string | undefined;
}

const KEY_WIDTH = 130;
/** The summary's keys are longer ("Beholdes uten godkjenning") and its values short counts. */
const SUMMARY_KEY_WIDTH = 170;

function drawKeyValues(doc: PdfDoc, rows: readonly KeyValue[], x: number, top: number, width: number, keyWidth = KEY_WIDTH): number {
  let y = top;
  for (const row of rows) {
    doc.font(BOLD).fontSize(9).fillColor(MUTED).text(row.key, x, y, { width: keyWidth - 8 });
    const keyBottom = doc.y;
    doc.font(REGULAR).fontSize(9).fillColor(row.colour ?? TEXT).text(row.value, x + keyWidth, y, { width: width - keyWidth });
    y = Math.max(keyBottom, doc.y) + 2;
  }
  doc.fillColor(TEXT);
  return y;
}

/** "Side X av Y" and the report's title on every page, written once the page count is known. */
function drawFooters(doc: PdfDoc, labels: ReviewLabels, title: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    const y = doc.page.height - FOOTER_FROM_BOTTOM;
    // An explicit height keeps pdfkit from starting a new page for text below the bottom margin.
    const options = { height: FOOTER_SIZE * 2, ellipsis: true } as const;
    doc.font(REGULAR).fontSize(FOOTER_SIZE).fillColor(MUTED);
    doc.text(title, left, y, { ...options, width: width * 0.75 });
    doc.text(labels.report.page(index - start + 1, count), left + width * 0.75, y, { ...options, width: width * 0.25, align: 'right' });
  }
}

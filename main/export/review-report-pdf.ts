import type { ReviewItemState, ReviewReport } from '../../common/review/review-campaign';
import { byNames } from '../../common/sorting/name-collation';
import { campaignOverdue } from '../../common/review/campaign-deadline';
import { formatCalendarDate, formatOsloDateTime } from '../../common/time/oslo-time';
import { drawPdfFacts, drawPdfHeading, drawPdfTitle, PDF_REGULAR, PDF_TABLE_STYLE, pdfContent, startPdfReport, type PdfFact } from './pdf-document';
import { drawPdfTable, type PdfDoc, type PdfTableColumn } from './pdf-table';
import { reviewFileName } from './review-file-name';
import { decisionLabelKey, REVIEW_LABELS, type ReviewLabels, type ReviewLanguage } from './review-labels';
import { summariseReview } from './review-summary';

/** An overdue campaign's status, in the heading's facts. */
const OVERDUE = '#a0001c';

/**
 * The access review as a PDF an auditor can file: who kept which vendor's access to which machines,
 * why, and who decided. A4 landscape, heading with the campaign's facts and a summary, then one table
 * row per grant with the same columns as the CSV (time and person merged into one cell where the CSV
 * has two columns), then, per vendor, each group it had access to with its mode, from when to when, when
 * it was last used and its sessions in the period: who could connect to what, and did, in one document.
 * Times are Oslo wall-clock time, as on the screen, and the heading says so.
 *
 * Deterministic for a given report: the PDF's creation date and file ID come from `generatedAt`, so
 * generating the same report twice gives the same bytes.
 */
export async function reviewReportPdf(report: ReviewReport, language: ReviewLanguage): Promise<Buffer> {
  const labels = REVIEW_LABELS[language];
  const generatedAt = new Date(report.generatedAt);
  const title = `${labels.report.title} – ${report.detail.campaign.name}`;
  const { doc, finish } = startPdfReport({ title, subject: report.organisationName, locale: labels.locale, createdAt: generatedAt });

  const headingBottom = drawHeading(doc, report, labels, generatedAt);
  drawPdfTable(doc, tableColumns(labels), report.detail.items, PDF_TABLE_STYLE, headingBottom + 14);
  drawVendorSections(doc, report, labels);
  return finish(labels.report.page);
}

export function reviewPdfFileName(campaignName: string, now: Date): string {
  return reviewFileName(campaignName, now, 'pdf');
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

/**
 * The part the norm for remote access asks for, on pages of its own: per vendor, each group it had
 * access to, in which mode, from when to when, when it was last used and its sessions in the period.
 */
function drawVendorSections(doc: PdfDoc, report: ReviewReport, labels: ReviewLabels): void {
  const { usage: words } = labels;
  const { usage } = report;
  const { left, width } = pdfContent(doc);
  const time = (iso: string): string => formatOsloDateTime(iso, labels.locale);
  doc.addPage();
  drawPdfHeading(doc, words.title, doc.page.margins.top, { size: 14 });
  doc.font(PDF_REGULAR).fontSize(9).text(words.intro, left, doc.y + 4, { width });
  let y = drawPdfFacts(doc, [{ key: words.period, value: words.periodValue(time(usage.since), time(report.generatedAt), usage.days) }], left, doc.y + 6, width) + 8;

  const byVendor = new Map<string, ReviewItemState[]>();
  for (const item of report.detail.items) {
    const items = byVendor.get(item.vendorId);
    if (items) items.push(item);
    else byVendor.set(item.vendorId, [item]);
  }
  const vendors = [...byVendor.values()].sort(byNames((items) => [items[0]!.vendorName]));
  const columns = vendorColumns(labels, report);
  const bottom = doc.page.height - doc.page.margins.bottom;
  for (const items of vendors) {
    // The vendor's name, the header row and a first row together, or on the next page.
    if (y + VENDOR_SECTION_MIN_HEIGHT > bottom) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    const name = items[0]!.vendorName;
    const caption = { text: (continued: boolean) => (continued ? `${name} (${words.continued})` : name), fontSize: 10 };
    y = drawPdfTable(doc, columns, [...items].sort(byNames((item) => [item.groupFullName])), PDF_TABLE_STYLE, y, caption) + 12;
  }
}

/** Room for a vendor's name, the header row and one row: less than this at the bottom of a page starts a new page. */
const VENDOR_SECTION_MIN_HEIGHT = 72;

function vendorColumns(labels: ReviewLabels, report: ReviewReport): PdfTableColumn<ReviewItemState>[] {
  const { columns, usage: words } = labels;
  const time = (iso: string): string => formatOsloDateTime(iso, labels.locale);
  const used = (item: ReviewItemState) => report.usage.byGrant[item.grantId];
  return [
    { header: columns.group, weight: 22, cell: (item) => item.groupFullName },
    { header: columns.access, weight: 11, cell: (item) => labels.mode[item.mode] },
    { header: words.from, weight: 12, cell: (item) => time(item.grantedAt) },
    {
      header: words.to,
      weight: 14,
      // Removed by this review ends the access then; otherwise its expiry, if it has one.
      cell: (item) => (item.removedAt ? `${words.removed} ${time(item.removedAt)}` : item.expiresAt ? time(item.expiresAt) : words.noEnd),
    },
    {
      header: words.lastUsed,
      weight: 12,
      cell: (item) => {
        const at = used(item)?.lastUsedAt;
        return at ? time(at) : words.neverUsed;
      },
    },
    { header: words.sessions, weight: 10, cell: (item) => String(used(item)?.sessionsInWindow ?? 0) },
  ];
}

/** Title, the campaign's facts on the left and the summary on the right; returns the y below both. */
function drawHeading(doc: PdfDoc, report: ReviewReport, labels: ReviewLabels, generatedAt: Date): number {
  const { campaign, items } = report.detail;
  const { report: words } = labels;
  const { left, width } = pdfContent(doc);
  const time = (iso: string): string => formatOsloDateTime(iso, labels.locale);

  drawPdfTitle(doc, words.title, campaign.name);
  const top = doc.y + 10;

  // The screens' and the reminders' rule: overdue once its due date has passed in Oslo without the final step.
  const overdue = campaignOverdue(campaign, generatedAt);
  const status = campaign.completedAt ? `${words.completed} ${time(campaign.completedAt)}` : overdue ? words.overdue : words.inProgress;
  const facts: PdfFact[] = [
    { key: words.organisation, value: report.organisationName },
    { key: words.dueDate, value: formatCalendarDate(campaign.dueDate, labels.locale) },
    { key: words.started, value: `${time(campaign.startedAt)} ${words.by} ${campaign.startedBy}` },
    { key: words.status, value: status, colour: overdue ? OVERDUE : undefined },
    { key: words.generated, value: `${time(report.generatedAt)} ${words.by} ${report.generatedBy}` },
    // Every time in the report is Oslo time, as on the screen, whatever zone the PC that made it is set to.
    { key: words.timeZone, value: labels.timeZoneName },
  ];
  const factsWidth = width * 0.58;
  const factsBottom = drawPdfFacts(doc, facts, left, top, factsWidth);

  const summary = summariseReview(items);
  const summaryLeft = left + factsWidth + 24;
  drawPdfHeading(doc, words.summary, top, { size: 10, x: summaryLeft, width: width - factsWidth - 24 });
  const summaryBottom = drawPdfFacts(
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

/** The summary's keys are longer ("Beholdes uten godkjenning") and its values short counts. */
const SUMMARY_KEY_WIDTH = 170;

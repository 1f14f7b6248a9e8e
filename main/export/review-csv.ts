import type { ReviewReport } from '../../common/review/review-campaign';
import { toCsv } from './csv';
import { reviewFileName } from './review-file-name';
import { decisionLabelKey, REVIEW_LABELS, type ReviewLanguage } from './review-labels';

/**
 * An access review as an auditor's spreadsheet: one row per grant the campaign covered. Times stay ISO
 * 8601 exactly as recorded so they sort and compare in a spreadsheet; the PDF is the human-readable one.
 */
export function reviewCsv(report: ReviewReport, language: ReviewLanguage): string {
  const labels = REVIEW_LABELS[language];
  const { columns } = labels;
  return toCsv(
    [
      columns.group,
      columns.vendor,
      columns.access,
      columns.granted,
      columns.grantedBy,
      columns.expires,
      columns.decision,
      columns.justification,
      columns.reviewedBy,
      columns.reviewed,
      columns.removed,
    ],
    report.detail.items.map((item) => [
      item.groupFullName,
      item.vendorName,
      labels.mode[item.mode],
      item.grantedAt,
      item.grantedBy,
      item.expiresAt,
      labels.decision[decisionLabelKey(item.decision)],
      item.decision?.justification,
      item.decision?.decidedBy,
      item.decision?.decidedAt,
      item.removedAt,
    ]),
  );
}

export function reviewCsvFileName(campaignName: string, now: Date): string {
  return reviewFileName(campaignName, now, 'csv');
}

import type { ReviewReport } from '../../common/review/review-campaign';
import { osloTimestamp } from '../../common/time/oslo-time';
import { csvDelimiter, toCsv } from './csv';
import { reviewFileName } from './review-file-name';
import { decisionLabelKey, REVIEW_LABELS, type ReviewLanguage } from './review-labels';

/**
 * An access review as an auditor's spreadsheet: one row per grant the campaign covered, in the words
 * of the screen and the PDF. Times are Oslo time with their offset ("2026-11-30 14:05:00+01:00"): the
 * hour the PDF and the screen show, and still one exact instant that sorts as text.
 */
export function reviewCsv(report: ReviewReport, language: ReviewLanguage): string {
  const labels = REVIEW_LABELS[language];
  const { columns } = labels;
  const time = (iso: string | null | undefined): string => (iso ? osloTimestamp(iso) : '');
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
      time(item.grantedAt),
      item.grantedBy,
      time(item.expiresAt),
      labels.decision[decisionLabelKey(item.decision)],
      item.decision?.justification,
      item.decision?.decidedBy,
      time(item.decision?.decidedAt),
      time(item.removedAt),
    ]),
    csvDelimiter(language),
  );
}

export function reviewCsvFileName(campaignName: string, now: Date): string {
  return reviewFileName(campaignName, now, 'csv');
}

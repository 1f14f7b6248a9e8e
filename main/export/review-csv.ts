import type { GrantMode } from '../../common/portal/portal-types';
import type { ReviewRow } from '../../common/review/access-review-filter';
import type { ReviewReport } from '../../common/review/review-campaign';
import { osloTimestamp } from '../../common/time/oslo-time';
import { csvDelimiter, toCsv, type CsvCell } from './csv';
import { reviewFileName } from './review-file-name';
import { decisionLabelKey, REVIEW_LABELS, type ReviewLabels, type ReviewLanguage } from './review-labels';

/** What both review files say of a grant before their own columns. */
interface GrantFacts {
  groupFullName: string;
  vendorName: string;
  mode: GrantMode;
  grantedAt: string;
  grantedBy: string;
  expiresAt: string | null | undefined;
}

/**
 * Times are Oslo time with their offset ("2026-11-30 14:05:00+01:00"): the hour the PDF and the screen
 * show, and still one exact instant that sorts as text.
 */
const time = (iso: string | null | undefined): string => (iso ? osloTimestamp(iso) : '');

/** The grant columns, the same in the campaign's file and the main review's, so an auditor can lay them side by side. */
function grantHeader({ columns }: ReviewLabels): string[] {
  return [columns.group, columns.vendor, columns.access, columns.granted, columns.grantedBy, columns.expires];
}

function grantCells(labels: ReviewLabels, grant: GrantFacts): CsvCell[] {
  return [grant.groupFullName, grant.vendorName, labels.mode[grant.mode], time(grant.grantedAt), grant.grantedBy, time(grant.expiresAt)];
}

/**
 * A review campaign as an auditor's spreadsheet: one row per grant the campaign covered, in the words
 * of the screen and the PDF.
 */
export function reviewCsv(report: ReviewReport, language: ReviewLanguage): string {
  const labels = REVIEW_LABELS[language];
  const { columns } = labels;
  return toCsv(
    [...grantHeader(labels), columns.decision, columns.justification, columns.reviewedBy, columns.reviewed, columns.removed],
    report.detail.items.map((item) => [
      ...grantCells(labels, item),
      labels.decision[decisionLabelKey(item.decision)],
      item.decision?.justification,
      item.decision?.decidedBy,
      time(item.decision?.decidedAt),
      time(item.removedAt),
    ]),
    csvDelimiter(language),
  );
}

/**
 * The main access review (Tilgangsgjennomgang) as the screen's filter shows it: every grant with its
 * newest decision in any campaign ("Sist vurdert"), or "Aldri vurdert".
 */
export function accessReviewCsv(rows: readonly ReviewRow[], language: ReviewLanguage): string {
  const labels = REVIEW_LABELS[language];
  const { columns } = labels;
  return toCsv(
    [...grantHeader(labels), columns.decision, columns.lastReviewed, columns.campaign],
    rows.map((row) => [
      ...grantCells(labels, {
        groupFullName: row.groupFullName,
        vendorName: row.grant.vendor.name,
        mode: row.grant.mode,
        grantedAt: row.grant.grantedAt,
        grantedBy: row.grant.grantedBy,
        expiresAt: row.grant.expiresAt,
      }),
      row.lastReview ? labels.decision[row.lastReview.decision] : labels.neverReviewed,
      time(row.lastReview?.decidedAt),
      row.lastReview?.campaignName,
    ]),
    csvDelimiter(language),
  );
}

export function reviewCsvFileName(campaignName: string, now: Date): string {
  return reviewFileName(campaignName, now, 'csv');
}

/** No campaign to name it after: `tilgangsgjennomgang-<yyyy-mm-dd>.csv`. */
export function accessReviewCsvFileName(now: Date): string {
  return reviewFileName('', now, 'csv');
}

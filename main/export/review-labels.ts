import type { GrantMode } from '../../common/portal/portal-types';
import type { ReviewDecisionKind } from '../../common/review/review-campaign';

export type ReviewLanguage = 'nb' | 'en';

/** An item nobody has decided on yet; kept apart from the decision kinds so the portal's values stay exact. */
export type ReviewDecisionLabelKey = ReviewDecisionKind | 'none';

/**
 * Every word the CSV and the PDF report print, in both languages, in one place: an auditor comparing
 * the two files must find each thing named the same way in both.
 */
export interface ReviewLabels {
  /** BCP 47 tag for dates and the PDF's /Lang. */
  locale: string;
  columns: {
    group: string;
    vendor: string;
    access: string;
    granted: string;
    grantedBy: string;
    expires: string;
    decision: string;
    justification: string;
    reviewedBy: string;
    reviewed: string;
    removed: string;
  };
  mode: Record<GrantMode, string>;
  decision: Record<ReviewDecisionLabelKey, string>;
  report: {
    title: string;
    organisation: string;
    dueDate: string;
    started: string;
    status: string;
    completed: string;
    overdue: string;
    inProgress: string;
    generated: string;
    /** Joins a time and a person: "30.11.2026 14:05 av ola". */
    by: string;
    summary: string;
    grants: string;
    keptWithoutApproval: string;
    page: (page: number, pageCount: number) => string;
  };
}

export const REVIEW_LABELS: Readonly<Record<ReviewLanguage, ReviewLabels>> = {
  nb: {
    locale: 'nb-NO',
    columns: {
      group: 'Maskingruppe',
      vendor: 'Leverandør',
      access: 'Tilgang',
      granted: 'Gitt',
      grantedBy: 'Gitt av',
      expires: 'Utløper',
      decision: 'Beslutning',
      justification: 'Begrunnelse',
      reviewedBy: 'Vurdert av',
      reviewed: 'Vurdert',
      removed: 'Fjernet',
    },
    mode: { with_approval: 'Med godkjenning', without_approval: 'Uten godkjenning' },
    decision: { keep: 'Beholde', remove: 'Fjerne', none: 'Ikke vurdert' },
    report: {
      title: 'Tilgangsgjennomgang',
      organisation: 'Organisasjon',
      dueDate: 'Frist',
      started: 'Startet',
      status: 'Status',
      completed: 'Fullført',
      overdue: 'Forfalt (pågår)',
      inProgress: 'Pågår',
      generated: 'Generert',
      by: 'av',
      summary: 'Oppsummering',
      grants: 'Tilganger',
      keptWithoutApproval: 'Beholde uten godkjenning',
      page: (page, pageCount) => `Side ${page} av ${pageCount}`,
    },
  },
  en: {
    locale: 'en-GB',
    columns: {
      group: 'Machine group',
      vendor: 'Vendor',
      access: 'Access',
      granted: 'Granted',
      grantedBy: 'Granted by',
      expires: 'Expires',
      decision: 'Decision',
      justification: 'Justification',
      reviewedBy: 'Reviewed by',
      reviewed: 'Reviewed',
      removed: 'Removed',
    },
    mode: { with_approval: 'With approval', without_approval: 'Without approval' },
    decision: { keep: 'Keep', remove: 'Remove', none: 'Not reviewed' },
    report: {
      title: 'Access review',
      organisation: 'Organisation',
      dueDate: 'Due date',
      started: 'Started',
      status: 'Status',
      completed: 'Completed',
      overdue: 'Overdue (in progress)',
      inProgress: 'In progress',
      generated: 'Generated',
      by: 'by',
      summary: 'Summary',
      grants: 'Grants',
      keptWithoutApproval: 'Keep without approval',
      page: (page, pageCount) => `Page ${page} of ${pageCount}`,
    },
  },
};

export function decisionLabelKey(decision: { decision: ReviewDecisionKind } | null): ReviewDecisionLabelKey {
  return decision?.decision ?? 'none';
}

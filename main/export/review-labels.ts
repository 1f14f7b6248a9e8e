import type { GrantMode } from '../../common/portal/portal-types';
import type { ReviewDecisionKind } from '../../common/review/review-campaign';
import { sessionWordsEn, sessionWordsNb } from '../../common/sessions/session-words';

export type ReviewLanguage = 'nb' | 'en';

/** An item nobody has decided on yet; kept apart from the decision kinds so the portal's values stay exact. */
export type ReviewDecisionLabelKey = ReviewDecisionKind | 'none';

/**
 * Every word the CSV and the PDF report print, in both languages, in one place: an auditor comparing
 * the two files must find each thing named the same way in both, and the same way as on the screen
 * (the campaign's "Beholdes"/"Fjernes"; review-labels.test.ts holds them to the screen's messages).
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
    /** The main access review's file: when the grant's newest decision was made, and in which campaign. */
    lastReviewed: string;
    campaign: string;
  };
  /** The main access review's decision cell for a grant no campaign has decided on (the screen's words). */
  neverReviewed: string;
  /** The zone every time is in, as the PDF's heading and the CSV's time headers name it. */
  timeZoneName: string;
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
    /** Says which clock the report's times are on. */
    timeZone: string;
    /** Joins a time and a person: "30.11.2026 14:05 av ola". */
    by: string;
    summary: string;
    grants: string;
    keptWithoutApproval: string;
    page: (page: number, pageCount: number) => string;
  };
  /** The report's part per vendor: the documentation of who had access to what, and how it was used. */
  usage: {
    title: string;
    intro: string;
    period: string;
    periodValue: (from: string, to: string, days: number) => string;
    from: string;
    to: string;
    /** The screen's "Sist brukt". */
    lastUsed: string;
    sessions: string;
    neverUsed: string;
    noEnd: string;
    removed: string;
    continued: string;
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
      lastReviewed: 'Sist vurdert',
      campaign: 'Gjennomgang',
    },
    neverReviewed: 'Aldri vurdert',
    timeZoneName: 'Europe/Oslo (norsk tid)',
    mode: { with_approval: 'Med godkjenning', without_approval: 'Uten godkjenning' },
    decision: { keep: 'Beholdes', remove: 'Fjernes', none: 'Ikke vurdert' },
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
      timeZone: 'Tidssone',
      by: 'av',
      summary: 'Oppsummering',
      grants: 'Tilganger',
      keptWithoutApproval: 'Beholdes uten godkjenning',
      page: (page, pageCount) => `Side ${page} av ${pageCount}`,
    },
    usage: {
      title: 'Tilgang per leverandør',
      intro:
        'Hvilke maskingrupper hver leverandør hadde tilgang til, med eller uten godkjenning, fra når til når, når tilgangen sist ble brukt og hvor mange fjernhjelpsøkter den ga i perioden.',
      period: 'Økter i perioden',
      periodValue: (from, to, days) => `${from} – ${to} (siste ${days} dager)`,
      from: 'Fra',
      to: 'Til',
      lastUsed: sessionWordsNb.columns.lastUsed,
      sessions: 'Økter i perioden',
      neverUsed: sessionWordsNb.neverUsed,
      noEnd: 'Ingen sluttdato',
      removed: 'Fjernet',
      continued: 'fortsatt',
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
      lastReviewed: 'Last reviewed',
      campaign: 'Review',
    },
    neverReviewed: 'Never reviewed',
    timeZoneName: 'Europe/Oslo (Norwegian time)',
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
      timeZone: 'Time zone',
      by: 'by',
      summary: 'Summary',
      grants: 'Grants',
      keptWithoutApproval: 'Keep without approval',
      page: (page, pageCount) => `Page ${page} of ${pageCount}`,
    },
    usage: {
      title: 'Access per vendor',
      intro:
        'Which machine groups each vendor had access to, with or without approval, from when to when, when the access was last used and how many remote-support sessions it gave in the period.',
      period: 'Sessions in the period',
      periodValue: (from, to, days) => `${from} – ${to} (last ${days} days)`,
      from: 'From',
      to: 'To',
      lastUsed: sessionWordsEn.columns.lastUsed,
      sessions: 'Sessions in the period',
      neverUsed: sessionWordsEn.neverUsed,
      noEnd: 'No end date',
      removed: 'Removed',
      continued: 'continued',
    },
  },
};

export function decisionLabelKey(decision: { decision: ReviewDecisionKind } | null): ReviewDecisionLabelKey {
  return decision?.decision ?? 'none';
}

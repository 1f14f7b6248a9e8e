import type { Grant } from '../portal/portal-types';
import { characterCount, hasControlCharacters, invalid, valid, type FieldCheck } from '../validation/field-check';
import type { ReviewDecisionKind } from './review-campaign';

/** The rules of a review campaign, checked live in the form and again in main before anything is saved. */
export const REVIEW_NAME_MAX = 100;
export const JUSTIFICATION_MAX = 1000;

export function checkReviewName(name: string): FieldCheck<string> {
  const trimmed = name.trim();
  if (!trimmed) return invalid('REVIEW_NAME_REQUIRED', 'Give the review a name');
  if (hasControlCharacters(trimmed)) return invalid('NAME_INVALID_CHARACTERS', 'The name contains control characters');
  if (characterCount(trimmed) > REVIEW_NAME_MAX) return invalid('REVIEW_NAME_TOO_LONG', `At most ${REVIEW_NAME_MAX} characters`);
  return valid(trimmed);
}

/** `today` is the administrator's local date (yyyy-mm-dd): a review cannot be due before it starts. */
export function checkDueDate(dueDate: string, today: string): FieldCheck<string> {
  if (!dueDate) return invalid('DUE_DATE_REQUIRED', 'Choose a due date');
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dueDate);
  const parsed = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!parsed || parsed.toISOString().slice(0, 10) !== dueDate) return invalid('DUE_DATE_INVALID', 'A date as yyyy-mm-dd');
  if (dueDate < today) return invalid('DUE_DATE_IN_PAST', 'The due date has passed');
  return valid(dueDate);
}

/** Keeping unattended access is the decision an auditor will ask about: it must say why. */
export function justificationRequired(mode: Grant['mode'], decision: ReviewDecisionKind): boolean {
  return decision === 'keep' && mode === 'without_approval';
}

/** The justification as stored: trimmed, `null` when empty. */
export function checkJustification(text: string | undefined, mode: Grant['mode'], decision: ReviewDecisionKind): FieldCheck<string | null> {
  const trimmed = (text ?? '').trim();
  if (!trimmed && justificationRequired(mode, decision)) {
    return invalid('JUSTIFICATION_REQUIRED', 'Keeping access without approval needs a justification');
  }
  if (characterCount(trimmed) > JUSTIFICATION_MAX) return invalid('JUSTIFICATION_TOO_LONG', `At most ${JUSTIFICATION_MAX} characters`);
  return valid(trimmed || null);
}

/** The local calendar date, as the due-date field shows it. */
export function localDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

import type { Grant } from '../portal/portal-types';
import { invalid, valid, type FieldCheck } from '../validation/field-check';
import { checkFreeText } from '../validation/free-text';
import type { ReviewDecisionKind } from './review-campaign';

/** The rules of a review campaign, checked live in the form and again in main before anything is saved. */
export const REVIEW_NAME_MAX = 100;
export const JUSTIFICATION_MAX = 1000;
/**
 * A campaign snapshots every grant of the organisation; the portal refuses more (422 TOO_MANY_ITEMS),
 * so the app refuses to start one it could never send.
 */
export const MAX_REVIEW_ITEMS = 20_000;
/** Decision records per request to the portal: the app sends batches of this size. */
export const MAX_DECISIONS_PER_REQUEST = 1_000;

/** The shared free-text rule (common/validation/free-text.ts). */
export function checkReviewName(name: string): FieldCheck<string> {
  return checkFreeText(name, {
    maxLength: REVIEW_NAME_MAX,
    codes: { required: 'REVIEW_NAME_REQUIRED', invalidCharacters: 'NAME_INVALID_CHARACTERS', tooLong: 'REVIEW_NAME_TOO_LONG' },
  });
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

/**
 * The justification as stored: the shared free-text rule (line breaks allowed: it is a text area),
 * `null` when empty. Invisible text ("\u200B", "ok\u0000") is refused, so it cannot pass for a reason.
 */
export function checkJustification(
  text: string | null | undefined,
  mode: Grant['mode'],
  decision: ReviewDecisionKind,
): FieldCheck<string | null> {
  const checked = checkFreeText(text ?? '', {
    maxLength: JUSTIFICATION_MAX,
    multiline: true,
    codes: { invalidCharacters: 'JUSTIFICATION_INVALID_CHARACTERS', tooLong: 'JUSTIFICATION_TOO_LONG' },
  });
  if (!checked.ok) return checked;
  if (checked.value === '' && justificationRequired(mode, decision)) {
    return invalid('JUSTIFICATION_REQUIRED', 'Keeping access without approval needs a justification');
  }
  return valid(checked.value || null);
}

/** The local calendar date, as the due-date field shows it. */
export function localDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

import { Problem, type ProblemField } from '../http/problem';

/**
 * Shared by the access-review writes. Replays are compared with what is stored, so every value is
 * brought to one form first: "…T09:00:00Z" and "…T09:00:00.000Z" are the same instant, and a
 * client retrying with either must not be told its own record conflicts.
 */
export function canonicalInstant(value: string, field: string, errors: ProblemField[]): string {
  const time = Date.parse(value);
  // The schema has checked the RFC 3339 shape; what it lets through and Date cannot hold (a leap second) lands here.
  if (Number.isNaN(time)) {
    errors.push({ field, code: 'DATE_INVALID', message: 'Not an RFC 3339 date-time' });
    return value;
  }
  return new Date(time).toISOString();
}

/** Trimmed; blank means none. */
export function canonicalText(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

export function throwIfInvalid(errors: ProblemField[]): void {
  if (errors.length > 0) throw new Problem(422, 'VALIDATION_FAILED', 'The request is not valid', errors);
}

/** A client-chosen id (the idempotency key) was sent again with different content. */
export function accessReviewConflict(title: string, field: string): Problem {
  return new Problem(409, 'ACCESS_REVIEW_CONFLICT', title, [{ field, code: 'ACCESS_REVIEW_CONFLICT', message: title }]);
}

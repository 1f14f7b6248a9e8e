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

/**
 * The times a client stamps on its records (a review's start, a decision, a completion) are its own
 * clock's, since it records offline. The newest decision by time counts everywhere, so a time ahead
 * of the portal's clock would win over every decision made after it: at most this much ahead is
 * taken (a clock a little fast), and a record refused for it is taken once the portal's clock has
 * caught up, so an honest client's push is only delayed.
 */
export const CLIENT_CLOCK_AHEAD_MS = 5 * 60_000;
/**
 * A time too far back wins nothing; it is only absurd (a decision "in 1970"). Records may not be
 * older than what they are about (a start than its grants, a decision than its review's start), with
 * this much room for a client clock that is behind, which would otherwise be refused for ever.
 */
export const CLIENT_CLOCK_BEHIND_MS = 24 * 60 * 60_000;

/**
 * Adds a field error when `instant` (canonical) is later than the portal's clock allows, or earlier
 * than `notBefore` (canonical) allows.
 */
export function checkClientTime(
  instant: string,
  { now, notBefore, field, code }: { now: Date; notBefore?: string | undefined; field: string; code: { ahead: string; behind: string } },
  errors: ProblemField[],
): void {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return;
  const latest = now.getTime() + CLIENT_CLOCK_AHEAD_MS;
  if (time > latest) {
    errors.push({ field, code: code.ahead, message: `Later than the portal's clock allows: at most ${new Date(latest).toISOString()}` });
  } else if (notBefore !== undefined && time < Date.parse(notBefore) - CLIENT_CLOCK_BEHIND_MS) {
    errors.push({ field, code: code.behind, message: `Earlier than ${notBefore} allows: at least ${new Date(Date.parse(notBefore) - CLIENT_CLOCK_BEHIND_MS).toISOString()}` });
  }
}

export function throwIfInvalid(errors: ProblemField[]): void {
  if (errors.length > 0) throw new Problem(422, 'VALIDATION_FAILED', 'The request is not valid', errors);
}

/** A client-chosen id (the idempotency key) was sent again with different content. */
export function accessReviewConflict(title: string, field: string): Problem {
  return new Problem(409, 'ACCESS_REVIEW_CONFLICT', title, [{ field, code: 'ACCESS_REVIEW_CONFLICT', message: title }]);
}

/** How long a vendor's access lasts: the choices the "Ny leverandør" form offers. */
export const grantExpiryChoices = ['none', 'day', 'week', 'days30', 'custom'] as const;
export type GrantExpiryChoice = (typeof grantExpiryChoices)[number];

export type GrantExpiryCode = 'EXPIRY_DATE_REQUIRED' | 'EXPIRES_AT_NOT_IN_FUTURE';

export type GrantExpiry = { ok: true; expiresAt: string | null } | { ok: false; code: GrantExpiryCode };

const DAY_MS = 24 * 60 * 60 * 1000;
const durations: Record<'day' | 'week' | 'days30', number> = { day: DAY_MS, week: 7 * DAY_MS, days30: 30 * DAY_MS };

/**
 * The `expiresAt` to send for a choice. A custom date (`YYYY-MM-DD` from <input type=date>) means the
 * access lasts through that whole day in the admin's time zone, so it ends at the next local midnight.
 */
export function grantExpiresAt(choice: GrantExpiryChoice, now: Date, customDate = ''): GrantExpiry {
  if (choice === 'none') return { ok: true, expiresAt: null };
  if (choice !== 'custom') return { ok: true, expiresAt: new Date(now.getTime() + durations[choice]).toISOString() };
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(customDate);
  if (!match) return { ok: false, code: 'EXPIRY_DATE_REQUIRED' };
  const end = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1);
  if (Number.isNaN(end.getTime())) return { ok: false, code: 'EXPIRY_DATE_REQUIRED' };
  if (end.getTime() <= now.getTime()) return { ok: false, code: 'EXPIRES_AT_NOT_IN_FUTURE' };
  return { ok: true, expiresAt: end.toISOString() };
}

/**
 * The expiry to keep when only the mode of an existing grant changes: the portal replaces the whole grant,
 * so leaving `expiresAt` out would silently make a time-limited access permanent.
 */
export function keptExpiresAt(expiresAt: string | null, now: Date): string | null {
  return expiresAt !== null && Date.parse(expiresAt) > now.getTime() ? expiresAt : null;
}

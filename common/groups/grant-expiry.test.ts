import { describe, expect, it } from 'vitest';
import { grantExpiresAt, keptExpiresAt } from './grant-expiry';

const now = new Date('2025-03-10T12:00:00.000Z');

describe('grantExpiresAt', () => {
  it('sends no expiry for "none" and a fixed duration from now for the presets', () => {
    expect(grantExpiresAt('none', now)).toEqual({ ok: true, expiresAt: null });
    expect(grantExpiresAt('day', now)).toEqual({ ok: true, expiresAt: '2025-03-11T12:00:00.000Z' });
    expect(grantExpiresAt('week', now)).toEqual({ ok: true, expiresAt: '2025-03-17T12:00:00.000Z' });
    expect(grantExpiresAt('days30', now)).toEqual({ ok: true, expiresAt: '2025-04-09T12:00:00.000Z' });
  });

  it('ends a custom date at the following local midnight, and refuses a missing or past date', () => {
    const result = grantExpiresAt('custom', now, '2025-03-20');
    expect(result).toEqual({ ok: true, expiresAt: new Date(2025, 2, 21).toISOString() });
    expect(grantExpiresAt('custom', now, '')).toEqual({ ok: false, code: 'EXPIRY_DATE_REQUIRED' });
    expect(grantExpiresAt('custom', now, '2025-03-01')).toEqual({ ok: false, code: 'EXPIRES_AT_NOT_IN_FUTURE' });
  });
});

describe('keptExpiresAt', () => {
  it('keeps a future expiry and drops a past one', () => {
    expect(keptExpiresAt('2025-03-11T00:00:00.000Z', now)).toBe('2025-03-11T00:00:00.000Z');
    expect(keptExpiresAt('2025-03-01T00:00:00.000Z', now)).toBeNull();
    expect(keptExpiresAt(null, now)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { formatDayInput, isIsoDay, parseDayInput } from './day-input';

describe('date field text', () => {
  it('shows a day the way the app language writes it, not the browser locale', () => {
    expect(formatDayInput('2026-12-31', 'nb')).toBe('31.12.2026');
    expect(formatDayInput('2026-02-01', 'nb')).toBe('01.02.2026');
    expect(formatDayInput('2026-02-01', 'en')).toBe('01/02/2026');
    expect(formatDayInput('', 'nb')).toBe('');
    expect(formatDayInput('31.1', 'nb')).toBe('31.1');
  });

  it('reads day-first dates with any of the usual separators, and YYYY-MM-DD', () => {
    expect(parseDayInput('31.12.2026')).toBe('2026-12-31');
    expect(parseDayInput(' 1.2.2026 ')).toBe('2026-02-01');
    expect(parseDayInput('01/02/2026')).toBe('2026-02-01');
    expect(parseDayInput('1-2-2026')).toBe('2026-02-01');
    expect(parseDayInput('2026-02-01')).toBe('2026-02-01');
    // Round trip in both languages.
    for (const language of ['nb', 'en']) expect(parseDayInput(formatDayInput('2028-02-29', language))).toBe('2028-02-29');
  });

  it('refuses what is no real day or is ambiguous', () => {
    for (const text of ['', '31.02.2026', '29.02.2027', '00.01.2026', '1.13.2026', '12/31/2026', '1.2.26', '2026-2-1', 'i morgen', '31.12.2026 12:00']) {
      expect(parseDayInput(text), text).toBeUndefined();
    }
    expect(isIsoDay('2026-02-01')).toBe(true);
    for (const value of ['', '01.02.2026', '2026-02-30', '31.1']) expect(isIsoDay(value), value).toBe(false);
  });
});

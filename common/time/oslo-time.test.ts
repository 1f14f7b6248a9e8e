import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatOsloDateTime, localeOf, osloCalendarDate, osloTimestamp } from './oslo-time';

describe('Oslo time', () => {
  it('formats an instant as Oslo wall-clock time in the app language, winter and summer', () => {
    expect(formatOsloDateTime('2026-11-30T13:05:00.000Z', localeOf('nb'))).toBe('30.11.2026 14:05');
    expect(formatOsloDateTime('2026-11-30T13:05:00.000Z', localeOf('en'))).toBe('30/11/2026 14:05');
    expect(formatOsloDateTime('2027-06-30T22:00:00.000Z', 'nb-NO')).toBe('01.07.2027 00:00');
    expect(formatOsloDateTime('not a time', 'nb-NO')).toBe('not a time');
  });

  it('writes a timestamp with the offset Oslo had at that instant', () => {
    expect(osloTimestamp('2026-11-30T13:05:09.123Z')).toBe('2026-11-30 14:05:09+01:00');
    expect(osloTimestamp('2026-07-01T10:00:00Z')).toBe('2026-07-01 12:00:00+02:00');
    // The last Sunday of March at 01:00 UTC: 02:00 winter time becomes 03:00 summer time.
    expect(osloTimestamp('2026-03-29T00:59:59Z')).toBe('2026-03-29 01:59:59+01:00');
    expect(osloTimestamp('2026-03-29T01:00:00Z')).toBe('2026-03-29 03:00:00+02:00');
    // Still one exact instant: it parses back to the same time.
    expect(Date.parse(osloTimestamp('2026-11-30T13:05:09Z'))).toBe(Date.parse('2026-11-30T13:05:09Z'));
  });

  it('keeps calendar dates on their day and dates instants by the Oslo calendar', () => {
    expect(formatCalendarDate('2026-12-15', 'nb-NO')).toBe('15.12.2026');
    expect(formatCalendarDate('2026-12-15', 'en-GB')).toBe('15/12/2026');
    expect(formatCalendarDate('15.12.2026', 'nb-NO')).toBe('15.12.2026');
    expect(osloCalendarDate(new Date('2026-11-30T23:30:00.000Z'))).toBe('2026-12-01');
  });

  it('gives the same text whatever time zone the machine is set to', () => {
    const script = `import('./common/time/oslo-time.ts').then((m) => console.log(JSON.stringify([
      m.formatOsloDateTime('2026-11-30T19:45:00Z', 'nb-NO'), m.osloTimestamp('2026-11-30T19:45:00Z'), m.formatCalendarDate('2026-12-15', 'nb-NO'), m.osloCalendarDate(new Date('2026-11-30T23:30:00Z')),
    ])))`;
    for (const zone of ['UTC', 'America/New_York', 'Pacific/Kiritimati']) {
      const printed = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env: { ...process.env, TZ: zone }, encoding: 'utf8' });
      expect(JSON.parse(printed), zone).toEqual(['30.11.2026 20:45', '2026-11-30 20:45:00+01:00', '15.12.2026', '2026-12-01']);
    }
  });
});

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, isoWeekday, osloWallClockInstant } from './oslo-time';

const at = (day: string, minute: number) => osloWallClockInstant(day, minute).toISOString();

describe('Oslo wall-clock time to an instant', () => {
  it('is one hour ahead of UTC in winter and two in summer, on both sides of each change', () => {
    expect(at('2026-01-15', 8 * 60)).toBe('2026-01-15T07:00:00.000Z');
    expect(at('2026-07-01', 8 * 60)).toBe('2026-07-01T06:00:00.000Z');
    // Summer time starts on the last Sunday of March at 01:00 UTC; the Friday before is winter, the Monday after summer.
    expect(at('2026-03-27', 8 * 60)).toBe('2026-03-27T07:00:00.000Z');
    expect(at('2026-03-29', 8 * 60)).toBe('2026-03-29T06:00:00.000Z');
    expect(at('2026-03-30', 8 * 60)).toBe('2026-03-30T06:00:00.000Z');
    // Midnight on the day of the change is still winter time; it ends at 01:00 UTC.
    expect(at('2026-03-29', 0)).toBe('2026-03-28T23:00:00.000Z');
    expect(at('2026-03-29', 24 * 60)).toBe('2026-03-29T22:00:00.000Z');
    // And ends on the last Sunday of October.
    expect(at('2026-10-23', 16 * 60)).toBe('2026-10-23T14:00:00.000Z');
    expect(at('2026-10-26', 16 * 60)).toBe('2026-10-26T15:00:00.000Z');
  });

  it('takes a wall time that does not exist as summer time, and one that exists twice as the later', () => {
    expect(at('2026-03-29', 2 * 60 + 30)).toBe('2026-03-29T01:30:00.000Z');
    expect(at('2026-10-25', 2 * 60 + 30)).toBe('2026-10-25T01:30:00.000Z');
  });

  it('counts calendar days and weekdays without a zone', () => {
    expect(addCalendarDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addCalendarDays('2024-12-31', 60)).toBe('2025-03-01');
    // Years before 100 are years, not 1900 + the year.
    expect(addCalendarDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(isoWeekday('2026-03-30')).toBe(1);
    expect(isoWeekday('2026-03-29')).toBe(7);
    expect(isoWeekday('2026-03-27')).toBe(5);
  });

  it('gives the same instants whatever time zone the machine is set to', () => {
    const script = `import('./common/time/oslo-time.ts').then((m) => console.log(JSON.stringify([
      m.osloWallClockInstant('2026-03-30', 480).toISOString(), m.osloWallClockInstant('2026-03-27', 480).toISOString(), m.isoWeekday('2026-03-29'),
    ])))`;
    for (const zone of ['UTC', 'America/New_York', 'Pacific/Kiritimati']) {
      const printed = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env: { ...process.env, TZ: zone }, encoding: 'utf8' });
      expect(JSON.parse(printed), zone).toEqual(['2026-03-30T06:00:00.000Z', '2026-03-27T07:00:00.000Z', 7]);
    }
  });
});

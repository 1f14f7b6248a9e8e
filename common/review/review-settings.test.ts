import { describe, expect, it } from 'vitest';
import { zodFieldIssues } from '../validation/field-issues';
import {
  checkReviewSettingsDraft,
  DEFAULT_REVIEW_SETTINGS,
  formatMinuteOfDay,
  parseMinuteOfDay,
  reviewSettingsDraft,
  reviewSettingsSchema,
  type ReviewSettingsInput,
} from './review-settings';

/** What main answers for an input: the settings, or the field issues the form shows. */
function check(input: unknown) {
  const parsed = reviewSettingsSchema.safeParse(input);
  return parsed.success ? { ok: parsed.data } : { issues: zodFieldIssues(parsed.error, input).map(({ path, code, limit }) => ({ path, code, ...(limit === undefined ? {} : { limit }) })) };
}

const valid: ReviewSettingsInput = { workdayStart: 480, workdayEnd: 960, workdays: [1, 2, 3, 4, 5], recommendationDays: 90, reminderDays: 7 };

describe('review settings', () => {
  it('default to Monday–Friday 08:00–16:00 Oslo time, 90 days, a reminder 7 days before', () => {
    expect(DEFAULT_REVIEW_SETTINGS).toEqual({ workdayStart: 480, workdayEnd: 960, workdays: [1, 2, 3, 4, 5], timeZone: 'Europe/Oslo', recommendationDays: 90, reminderDays: 7 });
    expect(check(valid)).toEqual({ ok: DEFAULT_REVIEW_SETTINGS });
  });

  it('refuse each wrong value at its own field, with the code and limit the form words it by', () => {
    expect(check({ ...valid, workdayStart: -1 })).toEqual({ issues: [{ path: 'workdayStart', code: 'MINIMUM', limit: 0 }] });
    expect(check({ ...valid, workdayEnd: 1441 })).toEqual({ issues: [{ path: 'workdayEnd', code: 'MAXIMUM', limit: 1440 }] });
    expect(check({ ...valid, workdayStart: 8.5 })).toEqual({ issues: [{ path: 'workdayStart', code: 'TYPE' }] });
    expect(check({ ...valid, workdayEnd: 480 })).toEqual({ issues: [{ path: 'workdayEnd', code: 'WORKDAY_END_NOT_AFTER_START' }] });
    expect(check({ ...valid, workdays: [] })).toEqual({ issues: [{ path: 'workdays', code: 'MINITEMS', limit: 1 }] });
    expect(check({ ...valid, workdays: [1, 1] })).toEqual({ issues: [{ path: 'workdays', code: 'WORKDAYS_REPEATED' }] });
    expect(check({ ...valid, workdays: [0] })).toEqual({ issues: [{ path: 'workdays.0', code: 'MINIMUM', limit: 1 }] });
    expect(check({ ...valid, recommendationDays: 0 })).toEqual({ issues: [{ path: 'recommendationDays', code: 'MINIMUM', limit: 1 }] });
    expect(check({ ...valid, recommendationDays: 3651 })).toEqual({ issues: [{ path: 'recommendationDays', code: 'MAXIMUM', limit: 3650 }] });
    expect(check({ ...valid, reminderDays: 366 })).toEqual({ issues: [{ path: 'reminderDays', code: 'MAXIMUM', limit: 365 }] });
    expect(check({ ...valid, timeZone: 'Europe/Stockholm' })).toEqual({ issues: [{ path: 'timeZone', code: 'CONST' }] });
    expect(check({ ...valid, extra: 1 })).toEqual({ issues: [{ path: 'extra', code: 'ADDITIONALPROPERTIES' }] });
    const { reminderDays: _left, ...missing } = valid;
    expect(check(missing)).toEqual({ issues: [{ path: 'reminderDays', code: 'REQUIRED' }] });
  });

  it('read and write times of day as the form shows them', () => {
    expect(formatMinuteOfDay(480)).toBe('08:00');
    expect(formatMinuteOfDay(1440)).toBe('24:00');
    expect(['8:00', '08:00', '08.00', '0800', ' 8:00 '].map(parseMinuteOfDay)).toEqual([480, 480, 480, 480, 480]);
    expect(parseMinuteOfDay('24:00')).toBe(1440);
    expect(['', '8', '08:60', '25:00', '24:01', 'åtte', '8:00 pm'].map(parseMinuteOfDay)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('say at the field when the form holds no time or no whole number, and send numbers otherwise', () => {
    const draft = reviewSettingsDraft(DEFAULT_REVIEW_SETTINGS);
    expect(draft).toEqual({ workdayStart: '08:00', workdayEnd: '16:00', workdays: [1, 2, 3, 4, 5], recommendationDays: '90', reminderDays: '7' });
    expect(checkReviewSettingsDraft({ ...draft, workdays: [5, 1] })).toEqual({ input: { ...valid, workdays: [1, 5] }, issues: [] });
    const refused = checkReviewSettingsDraft({ ...draft, workdayStart: 'kl 8', recommendationDays: '90,5', reminderDays: '' });
    expect(refused.input).toBeUndefined();
    expect(refused.issues.map(({ path, code }) => ({ path, code }))).toEqual([
      { path: 'workdayStart', code: 'TIME_FORMAT' },
      { path: 'recommendationDays', code: 'WHOLE_NUMBER' },
      { path: 'reminderDays', code: 'WHOLE_NUMBER' },
    ]);
  });
});

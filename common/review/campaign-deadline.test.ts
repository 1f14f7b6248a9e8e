import { describe, expect, it } from 'vitest';
import { campaignOverdue, nextDayStart, remindersDue } from './campaign-deadline';

const open = (dueDate: string) => ({ dueDate, completedAt: null });

describe('campaign deadlines', () => {
  it('is overdue from the day after its due date (in Oslo), until it is completed', () => {
    // 22:59 UTC on 15 December is 23:59 in Oslo: still the due date.
    expect(campaignOverdue(open('2026-12-15'), new Date('2026-12-15T22:59:00Z'))).toBe(false);
    // 23:00 UTC is midnight in Oslo: the 16th, overdue.
    expect(campaignOverdue(open('2026-12-15'), new Date('2026-12-15T23:00:00Z'))).toBe(true);
    expect(campaignOverdue({ dueDate: '2026-12-15', completedAt: '2026-12-20T10:00:00Z' }, new Date('2026-12-21T12:00:00Z'))).toBe(false);
  });

  it('asks for the "due soon" reminder from N days before the due date, and the overdue one after it', () => {
    const at = (iso: string) => new Date(iso);
    // Due 15 December, reminded 7 days before: from 8 December in Oslo.
    expect(remindersDue(open('2026-12-15'), at('2026-12-07T22:59:00Z'), 7)).toEqual([]);
    expect(remindersDue(open('2026-12-15'), at('2026-12-07T23:00:00Z'), 7)).toEqual(['due-soon']);
    expect(remindersDue(open('2026-12-15'), at('2026-12-15T12:00:00Z'), 7)).toEqual(['due-soon']);
    expect(remindersDue(open('2026-12-15'), at('2026-12-16T12:00:00Z'), 7)).toEqual(['overdue']);
    // 0 days: on the due date itself.
    expect(remindersDue(open('2026-12-15'), at('2026-12-14T12:00:00Z'), 0)).toEqual([]);
    expect(remindersDue(open('2026-12-15'), at('2026-12-15T12:00:00Z'), 0)).toEqual(['due-soon']);
    // Across a month and a year.
    expect(remindersDue(open('2027-01-03'), at('2026-12-28T12:00:00Z'), 7)).toEqual(['due-soon']);
    expect(remindersDue(open('2027-01-03'), at('2026-12-26T12:00:00Z'), 7)).toEqual([]);
    expect(remindersDue({ dueDate: '2026-12-15', completedAt: '2026-12-10T00:00:00Z' }, at('2026-12-16T12:00:00Z'), 7)).toEqual([]);
  });

  it('finds the next midnight in Oslo, in winter and summer time and across the clock changes', () => {
    expect(nextDayStart(new Date('2026-11-30T12:00:00Z')).toISOString()).toBe('2026-11-30T23:00:00.000Z');
    expect(nextDayStart(new Date('2026-06-30T12:00:00Z')).toISOString()).toBe('2026-06-30T22:00:00.000Z');
    // Exactly at midnight: the next one, a day later.
    expect(nextDayStart(new Date('2026-11-30T23:00:00Z')).toISOString()).toBe('2026-12-01T23:00:00.000Z');
    // 29 March 2026 has 23 hours in Oslo, 25 October 2026 has 25.
    expect(nextDayStart(new Date('2026-03-29T00:30:00Z')).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(nextDayStart(new Date('2026-10-25T00:30:00Z')).toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });
});

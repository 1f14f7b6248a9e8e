import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_SETTINGS } from '../../common/review/review-settings';
import { openCache } from './cache-database';
import { reviewSettingsRepository } from './review-settings-repository';

const file = () => join(mkdtempSync(join(tmpdir(), 'review-settings-')), 'cache.sqlite');
const AT = new Date('2026-04-15T10:00:00.000Z');

describe('the review settings in the profile\'s cache', () => {
  it('are the defaults until saved, then what was saved, also after the cache is opened again', () => {
    const path = file();
    const db = openCache(path);
    const settings = reviewSettingsRepository(db);
    expect(settings.get()).toEqual(DEFAULT_REVIEW_SETTINGS);
    const saved = settings.save({ ...DEFAULT_REVIEW_SETTINGS, workdays: [6, 1, 3], workdayStart: 420, recommendationDays: 30, reminderDays: 0 }, AT);
    // The week in its own order, and the clock stated.
    expect(saved).toEqual({ workdayStart: 420, workdayEnd: 960, workdays: [1, 3, 6], timeZone: 'Europe/Oslo', recommendationDays: 30, reminderDays: 0 });
    db.close();
    const reopened = openCache(path);
    expect(reviewSettingsRepository(reopened).get()).toEqual(saved);
    expect(reopened.prepare('SELECT updated_at FROM review_settings').pluck().get()).toBe(AT.toISOString());
  });

  it('refuse to store what the schema refuses, and read a row this version cannot understand as the defaults', () => {
    const db = openCache(file());
    const settings = reviewSettingsRepository(db);
    expect(() => settings.save({ ...DEFAULT_REVIEW_SETTINGS, workdayEnd: 60 }, AT)).toThrow();
    expect(settings.get()).toEqual(DEFAULT_REVIEW_SETTINGS);
    db.prepare("INSERT INTO review_settings (id, updated_at, data) VALUES (1, 'x', '{\"workdayStart\":\"tidlig\"}')").run();
    expect(settings.get()).toEqual(DEFAULT_REVIEW_SETTINGS);
    db.prepare("UPDATE review_settings SET data = 'not json'").run();
    expect(settings.get()).toEqual(DEFAULT_REVIEW_SETTINGS);
  });
});

import { DEFAULT_REVIEW_SETTINGS, reviewSettingsSchema, type ReviewSettings } from '../../common/review/review-settings';
import type { CacheDb } from './cache-database';

/**
 * The organisation's review settings for this profile (common/review/review-settings.ts), from its cache:
 * the defaults until someone saves them. What is read is checked against the schema again, so a row
 * written by another version of the app that this one cannot read gives the defaults, never a throw.
 */
export function reviewSettingsRepository(db: CacheDb) {
  const read = db.prepare('SELECT data FROM review_settings WHERE id = 1').pluck();
  const write = db.prepare(
    'INSERT INTO review_settings (id, updated_at, data) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, data = excluded.data',
  );
  return {
    get(): ReviewSettings {
      const data = read.get() as string | undefined;
      if (data === undefined) return DEFAULT_REVIEW_SETTINGS;
      let stored: unknown;
      try {
        stored = JSON.parse(data);
      } catch {
        return DEFAULT_REVIEW_SETTINGS;
      }
      const parsed = reviewSettingsSchema.safeParse(stored);
      return parsed.success ? parsed.data : DEFAULT_REVIEW_SETTINGS;
    },
    /** Stores settings already checked by the channel's schema; returns them as stored. */
    save(settings: ReviewSettings, at: Date): ReviewSettings {
      const parsed = reviewSettingsSchema.parse(settings);
      // The week in its own order, however the days were ticked.
      const checked = { ...parsed, workdays: [...parsed.workdays].sort((a, b) => a - b) };
      write.run(at.toISOString(), JSON.stringify(checked));
      return checked;
    },
  };
}

export type ReviewSettingsRepository = ReturnType<typeof reviewSettingsRepository>;

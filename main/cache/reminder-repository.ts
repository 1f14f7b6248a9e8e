import type { ReminderKind } from '../../common/review/campaign-deadline';
import type { CacheDb } from './cache-database';

export interface ReminderLog {
  /**
   * Records that a campaign's reminder is given now; false when it was given before. One statement, on
   * disk before the notification is shown: a crash right after may lose a reminder, never repeat one.
   */
  claim(campaignId: string, kind: ReminderKind, at: string): boolean;
  /** When it was given, if it was. */
  sentAt(campaignId: string, kind: ReminderKind): string | undefined;
}

export function reminderRepository(db: CacheDb): ReminderLog {
  const insert = db.prepare('INSERT INTO review_reminders (campaign_id, kind, sent_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  const read = db.prepare('SELECT sent_at FROM review_reminders WHERE campaign_id = ? AND kind = ?').pluck();
  return {
    claim: (campaignId, kind, at) => insert.run(campaignId, kind, at).changes === 1,
    sentAt: (campaignId, kind) => read.get(campaignId, kind) as string | undefined,
  };
}

import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en';
import { nb } from '../../renderer/i18n/nb';
import { REVIEW_LABELS } from './review-labels';

/** The files an auditor gets say what the screen says: a word changed on one side fails here. */
describe('the review files use the screen\'s words', () => {
  for (const [language, messages] of [['nb', nb], ['en', en]] as const) {
    it(`decisions and access modes (${language})`, () => {
      const labels = REVIEW_LABELS[language];
      expect(labels.decision).toEqual({ keep: messages.campaigns.kept, remove: messages.campaigns.toRemove, none: messages.campaigns.undecided });
      expect(labels.mode).toEqual({ with_approval: messages.review.withApproval, without_approval: messages.review.withoutApproval });
      expect(labels.columns.group).toBe(messages.campaigns.group);
      expect(labels.columns.vendor).toBe(messages.campaigns.vendor);
      expect(labels.columns.access).toBe(messages.campaigns.mode);
      expect(labels.columns.expires).toBe(messages.campaigns.expires);
      expect(labels.columns.decision).toBe(messages.campaigns.decision);
      expect(labels.columns.justification).toBe(messages.campaigns.justification);
      expect(labels.columns.lastReviewed).toBe(messages.campaigns.lastReviewed);
      expect(labels.neverReviewed).toBe(messages.campaigns.neverReviewed);
      // The report's per-vendor part names use as the grant tables do.
      expect(labels.usage.lastUsed).toBe(messages.sessions.usage.lastUsed);
      expect(labels.usage.neverUsed).toBe(messages.sessions.usage.neverUsed);
    });
  }
});

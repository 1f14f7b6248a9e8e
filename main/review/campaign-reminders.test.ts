import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UiLanguage } from '../../common/contract';
import type { ReviewItem } from '../../common/review/review-campaign';
import { openCache, type CacheDb } from '../cache/cache-database';
import { reminderRepository } from '../cache/reminder-repository';
import { reviewRepository } from '../cache/review-repository';
import { createMemoryLogger } from '../log/memory-logger';
import type { DesktopNotification } from '../notify/notifier';
import { ManualClock } from '../test-support/manual-clock';
import { CampaignReminders } from './campaign-reminders';

const item = (index: number): ReviewItem => ({
  grantId: `g1:v${index}`,
  groupId: 'g1',
  groupFullName: 'NorskHelsenetttest-Maskiner',
  vendorId: `v${index}`,
  vendorName: `Leverandør ${index}`,
  mode: 'with_approval',
  grantedAt: '2026-01-01T00:00:00.000Z',
  grantedBy: 'demo.admin',
  expiresAt: null,
});

/**
 * The reminders against a real cache file, with a clock the test moves: each step lands on the exact
 * moment (Oslo midnight) a reminder falls due, and "a restart" closes the file and opens it again.
 */
describe('campaign reminders', () => {
  let dir: string;
  let db: CacheDb;
  let clock: ManualClock;
  let shown: DesktopNotification[];
  let reminders: CampaignReminders;
  let reminderDays = 7;
  let language: UiLanguage = 'nb';

  const open = () => {
    db = openCache(join(dir, 'cache.sqlite'));
    const reviews = reviewRepository(db);
    reminders = new CampaignReminders({
      campaigns: () => reviews.campaigns(),
      sent: reminderRepository(db),
      notifier: { notify: (notification) => shown.push(notification) },
      reminderDays: () => reminderDays,
      language: () => language,
      clock,
      logger: createMemoryLogger(),
    });
    return reviews;
  };
  const restart = () => {
    reminders.stop();
    db.close();
    const reviews = open();
    reminders.start();
    return reviews;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'reminders-'));
    clock = new ManualClock('2026-12-01T09:00:00.000Z');
    shown = [];
    reminderDays = 7;
    language = 'nb';
    const reviews = open();
    reviews.start({ id: 'c1', name: 'Årlig gjennomgang', dueDate: '2026-12-15', startedAt: '2026-12-01T08:00:00.000Z', startedBy: 'demo.admin' }, [item(1), item(2), item(3)]);
    reviews.record({ id: 'd1', campaignId: 'c1', grantId: 'g1:v1', decision: 'keep', justification: null, decidedAt: '2026-12-01T08:30:00.000Z', decidedBy: 'demo.admin' });
  });

  afterEach(() => {
    reminders.stop();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says nothing before the configured day, then once at its first moment (midnight in Oslo), and not again that day or the next', () => {
    reminders.start();
    expect(shown).toEqual([]);
    // 7 days before 15 December is 8 December; midnight in Oslo is 23:00 UTC the evening before.
    clock.advanceTo('2026-12-07T22:59:59.999Z');
    expect(shown).toEqual([]);
    clock.advanceTo('2026-12-07T23:00:00.000Z');
    expect(shown).toEqual([
      {
        title: 'Gjennomgangen «Årlig gjennomgang» har frist 15.12.2026',
        body: '2 av 3 tilganger er ikke vurdert ennå. Fullfør gjennomgangen innen fristen.',
        tag: 'review-reminder:c1:due-soon',
      },
    ]);
    clock.advanceTo('2026-12-09T12:00:00.000Z');
    reminders.check();
    expect(shown).toHaveLength(1);
  });

  it('does not give a reminder again after a restart, and gives the overdue one once, the day after the due date', () => {
    reminders.start();
    clock.advanceTo('2026-12-10T12:00:00.000Z');
    expect(shown.map((notification) => notification.tag)).toEqual(['review-reminder:c1:due-soon']);

    restart();
    clock.advanceTo('2026-12-15T22:00:00.000Z');
    expect(shown).toHaveLength(1);
    clock.advanceTo('2026-12-15T23:00:00.000Z');
    expect(shown.map((notification) => notification.tag)).toEqual(['review-reminder:c1:due-soon', 'review-reminder:c1:overdue']);
    expect(shown[1]).toMatchObject({ title: 'Gjennomgangen «Årlig gjennomgang» er forfalt', body: 'Fristen var 15.12.2026. 2 av 3 tilganger er ikke vurdert ennå.' });

    restart();
    clock.advanceTo('2026-12-20T12:00:00.000Z');
    expect(shown).toHaveLength(2);
  });

  it('reminds at once of a campaign that is started, or arrives from the portal, already inside the window (in the window\'s language)', () => {
    reminders.start();
    language = 'en';
    const reviews = reviewRepository(db);
    reviews.start({ id: 'c2', name: 'Quick check', dueDate: '2026-12-03', startedAt: '2026-12-01T09:00:00.000Z', startedBy: 'demo.admin' }, [item(4)]);
    reminders.check();
    expect(shown).toEqual([
      { title: 'The review “Quick check” is due 03/12/2026', body: '1 of 1 grant has not been reviewed yet. Complete the review by the due date.', tag: 'review-reminder:c2:due-soon' },
    ]);
  });

  it('gives only the overdue reminder to a campaign first seen after its due date, and none to a completed one', () => {
    const reviews = reviewRepository(db);
    reviews.start({ id: 'late', name: 'Sen', dueDate: '2026-11-20', startedAt: '2026-11-01T09:00:00.000Z', startedBy: 'other.admin' }, [item(5)]);
    reviews.start({ id: 'done', name: 'Ferdig', dueDate: '2026-11-20', startedAt: '2026-11-01T09:00:00.000Z', startedBy: 'other.admin' }, [item(6)]);
    reviews.complete('done', '2026-11-19T09:00:00.000Z');
    reminders.start();
    expect(shown.map((notification) => notification.tag)).toEqual(['review-reminder:late:overdue']);
  });

  it('follows a changed number of days, and a campaign whose items are all decided still asks for the final step', () => {
    reminderDays = 0;
    const reviews = reviewRepository(db);
    reviews.record(
      { id: 'd2', campaignId: 'c1', grantId: 'g1:v2', decision: 'keep', justification: null, decidedAt: '2026-12-01T08:31:00.000Z', decidedBy: 'demo.admin' },
      { id: 'd3', campaignId: 'c1', grantId: 'g1:v3', decision: 'remove', justification: null, decidedAt: '2026-12-01T08:32:00.000Z', decidedBy: 'demo.admin' },
    );
    reminders.start();
    clock.advanceTo('2026-12-13T12:00:00.000Z');
    expect(shown).toEqual([]);
    reminderDays = 3;
    reminders.check();
    expect(shown).toEqual([
      {
        title: 'Gjennomgangen «Årlig gjennomgang» har frist 15.12.2026',
        body: 'Alle tilgangene er vurdert. Fullfør gjennomgangen for at beslutningene skal gjelde.',
        tag: 'review-reminder:c1:due-soon',
      },
    ]);
  });

  it('keeps one timer, and none once stopped', () => {
    reminders.start();
    reminders.check();
    reminders.check();
    expect(clock.pendingTimers).toBe(1);
    reminders.stop();
    expect(clock.pendingTimers).toBe(0);
    // Stopped (signed out): a check does nothing.
    clock.advanceTo('2026-12-10T12:00:00.000Z');
    reminders.check();
    expect(shown).toEqual([]);
  });
});

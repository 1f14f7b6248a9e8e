import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, openSync, readdirSync, statSync, truncateSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../log/memory-logger';
import { cacheFileFor, openCache } from './cache-database';
import { openCacheOrRecover } from './cache-recovery';
import { reviewRepository } from './review-repository';
import { sampleReviewItems } from './testing/review-items';

/**
 * A damaged cache file must not stop the app on every start. It is moved aside (kept, and the user is
 * told where), the unsent review decisions are salvaged where they can be read, and the app starts
 * with a fresh cache that the next sync fills from the portal.
 */
const at = '2026-11-30T10:00:00.000Z';

function cacheWithUnsentDecisions(): { file: string; decisionIds: string[] } {
  const file = cacheFileFor(mkdtempSync(join(tmpdir(), 'cache-recovery-')), 'p');
  const db = openCache(file);
  const reviews = reviewRepository(db);
  const items = sampleReviewItems(40, 'grp');
  reviews.start({ id: 'c-unsent', name: 'Høstgjennomgang', dueDate: '2026-12-31', startedAt: at, startedBy: 'demo.admin' }, items);
  const decisionIds = items.slice(0, 15).map((item, index) => {
    const id = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
    reviews.record({ id, campaignId: 'c-unsent', grantId: item.grantId, decision: 'keep', justification: null, decidedAt: at, decidedBy: 'demo.admin' });
    return id;
  });
  // Later pages: enough other data that damage at the end of the file hits it, not the review tables.
  const insert = db.prepare(
    "INSERT INTO audit_events (id, at, actor, action, object_type, object_id, version, data) VALUES (?, ?, 'demo.admin', 'grant.created', 'grant', ?, ?, ?)",
  );
  db.transaction(() => {
    for (let index = 0; index < 4000; index++) insert.run(`e${index}`, at, `g${index}`, index, JSON.stringify({ text: 'x'.repeat(400) }));
  })();
  db.close();
  return { file, decisionIds };
}

function overwrite(file: string, from: number, length: number): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, randomBytes(length), 0, length, from);
  } finally {
    closeSync(fd);
  }
}

describe('opening a damaged cache', () => {
  it.each([
    ['truncated to 1000 bytes', (file: string) => truncateSync(file, 1000)],
    ['random bytes (not a database)', (file: string) => writeFileSync(file, randomBytes(64 * 1024))],
  ])('%s: moves it aside, says where, and opens a fresh cache', (_name, damage) => {
    const { file } = cacheWithUnsentDecisions();
    damage(file);
    const logger = createMemoryLogger();

    const { db, recovery } = openCacheOrRecover(file, logger);
    try {
      expect(recovery).toMatchObject({ movedTo: expect.stringContaining('.damaged-'), salvagedDecisions: 0 });
      expect(existsSync(recovery!.movedTo)).toBe(true);
      expect(dirname(recovery!.movedTo)).toBe(dirname(file));
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT COUNT(*) FROM review_decisions').pluck().get()).toBe(0);
      expect(logger.entries).toContainEqual(expect.objectContaining({ event: 'cache.damaged', fields: expect.objectContaining({ movedTo: recovery!.movedTo }) }));
    } finally {
      db.close();
    }
    // The next start finds a healthy cache: nothing more is moved.
    const again = openCacheOrRecover(file, createMemoryLogger());
    expect(again.recovery).toBeNull();
    again.db.close();
    expect(readdirSync(dirname(file)).filter((name) => name.includes('.damaged-') && name.endsWith('.sqlite'))).toHaveLength(1);
  });

  it('salvages the unsent decisions from a file damaged elsewhere, into the fresh cache', () => {
    const { file, decisionIds } = cacheWithUnsentDecisions();
    const size = statSync(file).size;
    overwrite(file, Math.floor(size * 0.8), 64 * 1024);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('quick_check', { simple: true })).not.toBe('ok');
    check.close();

    const { db, recovery } = openCacheOrRecover(file, createMemoryLogger());
    try {
      expect(recovery).toMatchObject({ salvagedCampaigns: 1, salvagedDecisions: 15 });
      const reviews = reviewRepository(db);
      expect(reviews.campaign('c-unsent')).toMatchObject({ name: 'Høstgjennomgang', itemCount: 40, decidedCount: 15 });
      expect(reviews.unpushedDecisions('c-unsent', 100).map((decision) => decision.id)).toEqual(decisionIds);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });

  it('leaves a healthy cache alone', () => {
    const { file } = cacheWithUnsentDecisions();
    const { db, recovery } = openCacheOrRecover(file, createMemoryLogger());
    expect(recovery).toBeNull();
    expect(db.prepare('SELECT COUNT(*) FROM review_decisions').pluck().get()).toBe(15);
    db.close();
    expect(readdirSync(dirname(file))).not.toContain(expect.stringContaining('.damaged-'));
    expect(basename(file)).toBe('p.sqlite');
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReviewDecision, ReviewItem } from '../common/review/review-campaign';
import { openCache } from '../main/cache/cache-database';
import { reviewRepository } from '../main/cache/review-repository';
import type { BenchFigure } from './figure';

const FRAME_MS = 1000 / 60;

/**
 * Review campaigns in the cache: a campaign over N grants, all N decided at once, the campaign read
 * back, and one click's decision made durable (synchronous = FULL: the commit waits for the disk).
 * Compared with the same rows inserted raw in one transaction, and the click with one 60 Hz frame.
 */
export async function benchReview(grants = 10_000): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-review-'));
  try {
    const db = openCache(join(dir, 'cache.sqlite'));
    const reviews = reviewRepository(db);
    const items: ReviewItem[] = Array.from({ length: grants }, (_, index) => ({
      grantId: `group-${index % 50}:vendor-${index}`,
      groupId: `group-${index % 50}`,
      groupFullName: `NorskHelsenetttest-Avdeling ${index % 50}`,
      vendorId: `vendor-${index}`,
      vendorName: `Leverandør ${index} AS`,
      mode: index % 3 === 0 ? 'without_approval' : 'with_approval',
      grantedAt: '2026-01-01T00:00:00.000Z',
      grantedBy: 'demo.admin',
      expiresAt: null,
    }));
    const decision = (item: ReviewItem, index: number, campaignId: string): ReviewDecision => ({
      id: `${campaignId}-${index}`,
      campaignId,
      grantId: item.grantId,
      decision: index % 7 === 0 ? 'remove' : 'keep',
      justification: item.mode === 'without_approval' ? 'Vaktavtale' : null,
      decidedAt: new Date().toISOString(),
      decidedBy: 'demo.admin',
    });
    const campaign = (id: string) => ({ id, name: id, dueDate: '2099-12-31', startedAt: new Date().toISOString(), startedBy: 'demo.admin' });

    let start = performance.now();
    reviews.start(campaign('bulk'), items);
    const startMs = performance.now() - start;
    start = performance.now();
    reviews.record(...items.map((item, index) => decision(item, index, 'bulk')));
    const recordMs = performance.now() - start;
    start = performance.now();
    const detail = reviews.detail('bulk');
    const readMs = performance.now() - start;
    if (detail?.campaign.decidedCount !== grants) throw new Error('bench: not every decision was recorded');

    reviews.start(campaign('clicks'), items.slice(0, 200));
    const clicks: number[] = [];
    for (const [index, item] of items.slice(0, 200).entries()) {
      start = performance.now();
      reviews.record(decision(item, index, 'clicks'));
      clicks.push(performance.now() - start);
    }
    clicks.sort((a, b) => a - b);
    const clickMs = clicks[Math.floor(clicks.length / 2)]!;

    const raw = openCache(join(dir, 'raw.sqlite'));
    raw.exec('CREATE TABLE raw_rows (id TEXT PRIMARY KEY, data TEXT NOT NULL) STRICT');
    const insert = raw.prepare('INSERT INTO raw_rows (id, data) VALUES (?, ?)');
    start = performance.now();
    raw.transaction(() => {
      for (const [index, item] of items.entries()) insert.run(`raw-${index}`, JSON.stringify(decision(item, index, 'raw')));
    })();
    const rawMs = performance.now() - start;
    db.close();
    raw.close();

    const recordRate = grants / (recordMs / 1000);
    const rawRate = grants / (rawMs / 1000);
    return [
      { name: `review.start ${grants} grants`, value: startMs, unit: 'ms' },
      { name: `review.decide all ${grants} (1 tx)`, value: recordMs, unit: 'ms' },
      { name: 'review.decide throughput', value: recordRate, unit: 'rows/s' },
      { name: 'review.decide / raw insert', value: recordRate / rawRate, unit: 'ratio' },
      { name: `review.read campaign (${grants})`, value: readMs, unit: 'ms' },
      { name: 'review.one decision, durable (median)', value: clickMs, unit: 'ms' },
      { name: 'review.one decision / frame', value: clickMs / FRAME_MS, unit: 'ratio' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { openCache } from './cache-database';
import { reviewRepository } from './review-repository';
import { sampleReviewItems } from './testing/review-items';

const ROOT = new URL('../..', import.meta.url).pathname;

describe('killing the app while it records review decisions', () => {
  it('keeps every decision it acknowledged, and every item points at a decision that exists', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'review-crash-')), 'cache.sqlite');
    const setup = openCache(file);
    const items = sampleReviewItems(50);
    reviewRepository(setup).start({ id: 'crash', name: 'Krasj', dueDate: '2026-12-31', startedAt: '2026-11-30T00:00:00.000Z', startedBy: 'demo.admin' }, items);
    setup.close();

    const child = spawn(process.execPath, ['--import', 'tsx', 'main/cache/testing/record-decisions-forever.ts', file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const acknowledged: string[] = [];
    const exited = new Promise((resolve) => child.once('exit', resolve));
    for await (const line of createInterface({ input: child.stdout })) {
      acknowledged.push(line);
      if (acknowledged.length === 300) child.kill('SIGKILL');
    }
    await exited;
    expect(child.signalCode).toBe('SIGKILL');

    const db = openCache(file);
    const stored = new Set(db.prepare('SELECT id FROM review_decisions').pluck().all() as string[]);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) FROM review_items i LEFT JOIN review_decisions d ON d.seq = i.decision_seq WHERE i.decision_seq IS NOT NULL AND d.seq IS NULL').pluck().get()).toBe(0);
    // Each item points at its newest record: the pointer and the record were written together.
    const stale = db
      .prepare('SELECT COUNT(*) FROM review_items i WHERE i.decision_seq IS NOT (SELECT MAX(seq) FROM review_decisions d WHERE d.campaign_id = i.campaign_id AND d.grant_id = i.grant_id)')
      .pluck()
      .get();
    expect(stale).toBe(0);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 60_000);
});

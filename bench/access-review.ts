import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Grant, MachineGroup, RemoteSession } from '../common/portal/portal-types';
import { filterReviewRows, reviewRows, type ReviewFilter, type ReviewRow } from '../common/review/access-review-filter';
import { usageWindow } from '../common/review/review-recommendation';
import { DEFAULT_REVIEW_SETTINGS } from '../common/review/review-settings';
import { openCache, type CacheDb } from '../main/cache/cache-database';
import { cacheRepositories } from '../main/cache/cache-repositories';
import { grantUsage } from '../main/cache/grant-usage';
import { sortRows, type SortKey } from '../common/sorting/sort-rows';
import type { BenchFigure } from './figure';
import { medianOf } from './median';

const FRAME_MS = 1000 / 60;
const DAY_MS = 86_400_000;
const GROUPS = 50;
/** Runs per figure: the median is printed, so one garbage collection does not make the figure. */
const RUNS = 7;

/**
 * The access review with usage evidence, at the size the issue names: 10 000 grants and 100 000 sessions
 * in a real cache file. "Open" is what the screen waits for: the grants and groups read from the cache,
 * the usage query (last use, sessions in the window, outside working hours) and the store's build of the
 * rows with their recommendations. "Keystroke" is one filter change from the keyboard (arrowing through
 * the vendor choices, switching mode, expiry window or "never reviewed"): the screen's filter over every
 * row, then the table's sort of what is shown by the column the reviewer sorted (the recommendation's
 * last use). Both against one 60 Hz frame; painting is the Chromium figures' part (renderer.ts).
 */
export async function benchAccessReview(grantCount = 10_000, sessionCount = 100_000): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-access-review-'));
  try {
    const db = openCache(join(dir, 'cache.sqlite'));
    const repositories = cacheRepositories(db);
    const now = new Date();
    seed(db, repositories, grantCount, sessionCount, now);

    const opens: Array<{ read: number; usage: number; build: number; rows: ReviewRow[] }> = [];
    for (let run = 0; run < RUNS; run++) {
      let start = performance.now();
      const grants = repositories.grants.all();
      const groups = repositories.machineGroups.all();
      const read = performance.now() - start;
      start = performance.now();
      const report = grantUsage(db, DEFAULT_REVIEW_SETTINGS, now);
      const usage = performance.now() - start;
      start = performance.now();
      // What the stores and the screen's selectors build from the answers.
      const byGrant = new Map(report.usage.map((entry) => [entry.grantId, entry]));
      const rows = reviewRows(grants, groups, now.getTime(), new Map(), usageWindow(report, byGrant));
      const build = performance.now() - start;
      opens.push({ read, usage, build, rows });
    }
    const rows = opens[0]!.rows;
    if (rows.length !== grantCount) throw new Error(`bench: ${rows.length} rows, not ${grantCount}`);
    const used = rows.filter((row) => row.recommendation?.kind === 'keep').length;
    if (used === 0 || used === grantCount) throw new Error('bench: the seed should give both recommendations');
    db.close();

    // "Anbefaling", sorted by last use, as the screen sorts that column.
    const byLastUse: SortKey<ReviewRow> = { kind: 'time', value: (row) => row.recommendation?.lastUsedAt ?? null };
    const vendors = [...new Set(rows.map((row) => row.grant.vendor.id))].slice(0, 20);
    const filters: ReviewFilter[] = [
      ...vendors.map((vendorId) => ({ vendorId })),
      { mode: 'without_approval' },
      { mode: 'with_approval' },
      {},
      { expiringWithinDays: 30 },
      { expiringWithinDays: 90 },
      { neverReviewed: true },
      { groupId: rows[0]!.grant.groupId },
      {},
    ];
    const keystrokes: number[] = [];
    for (let run = 0; run < 5; run++) {
      for (const filter of filters) {
        const start = performance.now();
        const shown = filterReviewRows(rows, filter, now.getTime());
        sortRows(shown, byLastUse, 'ascending');
        keystrokes.push(performance.now() - start);
      }
    }
    keystrokes.sort((a, b) => a - b);
    const openMs = medianOf(opens.map((open) => open.read + open.usage + open.build));
    const keyMedian = keystrokes[Math.floor(keystrokes.length / 2)]!;
    // The 95th percentile: the slow keystrokes a reviewer notices, without the one a garbage collection happened to land on.
    const keyP95 = keystrokes[Math.floor(keystrokes.length * 0.95)]!;
    const keyWorst = keystrokes.at(-1)!;
    return [
      { name: `access-review.read ${grantCount} grants`, value: medianOf(opens.map((open) => open.read)), unit: 'ms' },
      { name: `access-review.usage query (${sessionCount} sessions)`, value: medianOf(opens.map((open) => open.usage)), unit: 'ms' },
      { name: 'access-review.store build (rows + advice)', value: medianOf(opens.map((open) => open.build)), unit: 'ms' },
      { name: 'access-review.open total', value: openMs, unit: 'ms' },
      { name: 'access-review.open / frame', value: openMs / FRAME_MS, unit: 'ratio' },
      { name: 'access-review.keystroke→filtered (median)', value: keyMedian, unit: 'ms' },
      { name: 'access-review.keystroke→filtered (95th pct)', value: keyP95, unit: 'ms' },
      { name: 'access-review.keystroke→filtered (worst)', value: keyWorst, unit: 'ms' },
      { name: 'access-review.keystroke median / frame', value: keyMedian / FRAME_MS, unit: 'ratio' },
      { name: 'access-review.keystroke 95th pct / frame', value: keyP95 / FRAME_MS, unit: 'ratio' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * 50 groups, a vendor per 5 grants; a third of the grants never used, the others with sessions spread
 * over the last year (so the 90-day window holds about a quarter of them), by day and by night.
 */
function seed(db: CacheDb, repositories: ReturnType<typeof cacheRepositories>, grantCount: number, sessionCount: number, now: Date): void {
  const group = (index: number): MachineGroup =>
    ({
      id: `group-${index}`,
      name: `Avdeling ${index}`,
      fullName: `NorskHelsenetttest-Avdeling ${index}`,
      syncState: 'ready',
      readyAt: '2026-01-01T00:00:00.000Z',
      isDefault: index === 0,
      createdAt: '2026-01-01T00:00:00.000Z',
      createdBy: 'demo.admin',
      engineStatus: { state: 'active', reason: null },
      version: 1,
    }) as MachineGroup;
  const grants: Grant[] = Array.from({ length: grantCount }, (_, index) => {
    const vendor = Math.floor(index / 5);
    return {
      id: `group-${index % GROUPS}:vendor-${vendor}`,
      groupId: `group-${index % GROUPS}`,
      vendor: { id: `vendor-${vendor}`, name: `Leverandør ${vendor} AS` },
      mode: index % 3 === 0 ? 'without_approval' : 'with_approval',
      grantedAt: '2025-06-01T08:00:00.000Z',
      grantedBy: 'demo.admin',
      modeChangedAt: null,
      modeChangedBy: null,
      expiresAt: index % 4 === 0 ? new Date(now.getTime() + (index % 120) * DAY_MS).toISOString() : null,
      engineStatus: { state: 'active', reason: null },
      version: 1,
    } as Grant;
  });
  const usedGrants = grants.filter((_, index) => index % 3 !== 1);
  const sessions: RemoteSession[] = Array.from({ length: sessionCount }, (_, index) => {
    const grant = usedGrants[(index * 7919) % usedGrants.length]!;
    const startedAt = new Date(now.getTime() - ((index * 104_729) % (365 * 24)) * 3_600_000);
    return {
      id: `session-${index}`,
      // Every grant is on the organisation's own group: its sessions are on its machines.
      ownerId: 'org-bench',
      groupId: grant.groupId,
      groupName: grant.groupId,
      deviceId: `node//${index % 500}`,
      deviceName: `PC-${index % 500}`,
      userId: `user-${grant.vendor.id}`,
      username: `tekniker.${grant.vendor.id}`,
      vendorId: grant.vendor.id,
      vendorName: grant.vendor.name,
      kind: index % 5 === 0 ? 'terminal' : 'desktop',
      consent: grant.mode === 'without_approval' ? 'notNeeded' : 'given',
      startedAt: startedAt.toISOString(),
      endedAt: new Date(startedAt.getTime() + 1_800_000).toISOString(),
      version: index + 1,
    };
  });
  db.transaction(() => {
    for (let index = 0; index < GROUPS; index++) repositories.machineGroups.put(group(index), 1);
    for (const grant of grants) repositories.grants.put(grant, 1);
    for (const session of sessions) repositories.remoteSessions.put(session, session.version);
  })();
}

import type {
  LastReview,
  ReviewCampaign,
  ReviewCampaignDetail,
  ReviewDecision,
  ReviewDecisionKind,
  ReviewItem,
  ReviewItemState,
} from '../../common/review/review-campaign';
import type { CacheDb } from './cache-database';

export interface CampaignStart {
  id: string;
  name: string;
  dueDate: string;
  startedAt: string;
  startedBy: string;
}

/** A campaign the portal has not accepted yet, with the items it must be recorded with. */
export interface UnpushedCampaign {
  campaign: CampaignStart;
  items: ReviewItem[];
}

export interface ReviewRepository {
  /** The campaign and its snapshot of grants, in one transaction. */
  start(campaign: CampaignStart, items: readonly ReviewItem[]): void;
  campaigns(): ReviewCampaign[];
  campaign(id: string): ReviewCampaign | undefined;
  detail(id: string): ReviewCampaignDetail | undefined;
  item(campaignId: string, grantId: string): ReviewItemState | undefined;
  /** Appends decision records and makes each its item's current one, all in one transaction. */
  record(...decisions: ReviewDecision[]): void;
  markRemoved(campaignId: string, grantId: string, at: string): void;
  complete(campaignId: string, at: string): void;
  lastReviews(): LastReview[];

  /** How many of the campaign's decision records the portal holds (as far as this cache knows). */
  pushedDecisionCount(campaignId: string): number;
  /**
   * Records the portal holds that this cache lacks (another device's, another administrator's): the
   * campaign if new, its completion, and decisions by id; nothing is ever overwritten. Each item then
   * points at its newest decision by decision time. One transaction.
   */
  merge(campaign: CampaignStart & { completedAt: string | null }, items: readonly ReviewItem[], decisions: readonly ReviewDecision[]): void;

  unpushedCampaigns(): UnpushedCampaign[];
  markCampaignPushed(id: string): void;
  setPushError(id: string, error: string | null): void;
  /** Campaigns the portal has, with decisions it does not have yet. */
  campaignsWithUnpushedDecisions(): string[];
  /** Oldest first. */
  unpushedDecisions(campaignId: string, limit: number): ReviewDecision[];
  markDecisionsPushed(ids: readonly string[]): void;
  /** Completed campaigns whose every other record the portal already has. */
  unpushedCompletions(): Array<{ id: string; completedAt: string }>;
  markCompletionPushed(id: string): void;
}

interface CampaignRow {
  id: string;
  name: string;
  due_date: string;
  started_at: string;
  started_by: string;
  completed_at: string | null;
  item_count: number;
  decided_count: number;
  remove_count: number;
  unpushed_count: number;
  push_error: string | null;
  revision: string;
}

interface DecisionRow {
  id: string;
  campaign_id: string;
  grant_id: string;
  decision: ReviewDecisionKind;
  justification: string | null;
  decided_at: string;
  decided_by: string;
}

interface ItemRow extends Partial<DecisionRow> {
  data: string;
  removed_at: string | null;
}

const CAMPAIGN_SELECT = `
  SELECT c.id, c.name, c.due_date, c.started_at, c.started_by, c.completed_at, c.push_error,
    (SELECT COUNT(*) FROM review_items i WHERE i.campaign_id = c.id) AS item_count,
    (SELECT COUNT(*) FROM review_items i WHERE i.campaign_id = c.id AND i.decision_seq IS NOT NULL) AS decided_count,
    (SELECT COUNT(*) FROM review_items i JOIN review_decisions d ON d.seq = i.decision_seq
      WHERE i.campaign_id = c.id AND d.decision = 'remove') AS remove_count,
    (1 - c.pushed)
      + (SELECT COUNT(*) FROM review_decisions d WHERE d.campaign_id = c.id AND d.pushed = 0)
      + (CASE WHEN c.completed_at IS NOT NULL AND c.completion_pushed = 0 THEN 1 ELSE 0 END) AS unpushed_count,
    (SELECT COALESCE(MAX(d.seq), 0) FROM review_decisions d WHERE d.campaign_id = c.id)
      || ':' || (SELECT COUNT(*) FROM review_items i WHERE i.campaign_id = c.id AND i.removed_at IS NOT NULL) AS revision
  FROM review_campaigns c`;

const toCampaign = (row: CampaignRow): ReviewCampaign => ({
  id: row.id,
  name: row.name,
  dueDate: row.due_date,
  startedAt: row.started_at,
  startedBy: row.started_by,
  completedAt: row.completed_at,
  itemCount: row.item_count,
  decidedCount: row.decided_count,
  removeCount: row.remove_count,
  unpushedCount: row.unpushed_count,
  pushError: row.push_error,
  revision: row.revision,
});

const toDecision = (row: DecisionRow): ReviewDecision => ({
  id: row.id,
  campaignId: row.campaign_id,
  grantId: row.grant_id,
  decision: row.decision,
  justification: row.justification,
  decidedAt: row.decided_at,
  decidedBy: row.decided_by,
});

const toItemState = (row: ItemRow): ReviewItemState => ({
  ...(JSON.parse(row.data) as ReviewItem),
  decision: row.id === undefined || row.id === null ? null : toDecision(row as DecisionRow),
  removedAt: row.removed_at,
});

/** Review campaigns in the profile's cache. Statements are prepared once; every value is bound. */
export function reviewRepository(db: CacheDb): ReviewRepository {
  const statements = {
    insertCampaign: db.prepare(
      `INSERT INTO review_campaigns (id, name, due_date, started_at, started_by) VALUES (@id, @name, @dueDate, @startedAt, @startedBy)`,
    ),
    insertItem: db.prepare(
      `INSERT INTO review_items (campaign_id, position, grant_id, mode, data) VALUES (?, ?, ?, ?, ?)`,
    ),
    campaigns: db.prepare(`${CAMPAIGN_SELECT} ORDER BY c.started_at DESC, c.id`),
    campaign: db.prepare(`${CAMPAIGN_SELECT} WHERE c.id = ?`),
    items: db.prepare(
      `SELECT i.data, i.removed_at, d.id, d.campaign_id, d.grant_id, d.decision, d.justification, d.decided_at, d.decided_by
       FROM review_items i LEFT JOIN review_decisions d ON d.seq = i.decision_seq
       WHERE i.campaign_id = ? ORDER BY i.position`,
    ),
    item: db.prepare(
      `SELECT i.data, i.removed_at, d.id, d.campaign_id, d.grant_id, d.decision, d.justification, d.decided_at, d.decided_by
       FROM review_items i LEFT JOIN review_decisions d ON d.seq = i.decision_seq
       WHERE i.campaign_id = ? AND i.grant_id = ?`,
    ),
    insertDecision: db.prepare(
      `INSERT INTO review_decisions (id, campaign_id, grant_id, decision, justification, decided_at, decided_by)
       VALUES (@id, @campaignId, @grantId, @decision, @justification, @decidedAt, @decidedBy)`,
    ),
    pointAtDecision: db.prepare(`UPDATE review_items SET decision_seq = ? WHERE campaign_id = ? AND grant_id = ?`),
    markRemoved: db.prepare(`UPDATE review_items SET removed_at = ? WHERE campaign_id = ? AND grant_id = ? AND removed_at IS NULL`),
    complete: db.prepare(`UPDATE review_campaigns SET completed_at = ? WHERE id = ? AND completed_at IS NULL`),
    lastReviews: db.prepare(
      `SELECT i.grant_id, d.decision, d.decided_at, c.name
       FROM review_items i JOIN review_decisions d ON d.seq = i.decision_seq JOIN review_campaigns c ON c.id = i.campaign_id
       ORDER BY d.seq`,
    ),
    pushedDecisionCount: db.prepare(`SELECT COUNT(*) FROM review_decisions WHERE campaign_id = ? AND pushed = 1`).pluck(),
    mergeCampaign: db.prepare(
      `INSERT INTO review_campaigns (id, name, due_date, started_at, started_by, completed_at, pushed, completion_pushed)
       VALUES (@id, @name, @dueDate, @startedAt, @startedBy, @completedAt, 1, @completionPushed)
       ON CONFLICT (id) DO UPDATE SET completed_at = excluded.completed_at, completion_pushed = 1
       WHERE review_campaigns.completed_at IS NULL AND excluded.completed_at IS NOT NULL`,
    ),
    mergeItem: db.prepare(
      `INSERT INTO review_items (campaign_id, position, grant_id, mode, data) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ),
    mergeDecision: db.prepare(
      `INSERT INTO review_decisions (id, campaign_id, grant_id, decision, justification, decided_at, decided_by, pushed)
       VALUES (@id, @campaignId, @grantId, @decision, @justification, @decidedAt, @decidedBy, 1) ON CONFLICT (id) DO UPDATE SET pushed = 1`,
    ),
    repoint: db.prepare(
      `UPDATE review_items SET decision_seq = (
         SELECT d.seq FROM review_decisions d WHERE d.campaign_id = review_items.campaign_id AND d.grant_id = review_items.grant_id
         ORDER BY d.decided_at DESC, d.seq DESC LIMIT 1)
       WHERE campaign_id = ?`,
    ),
    unpushedCampaigns: db.prepare(`SELECT id, name, due_date, started_at, started_by FROM review_campaigns WHERE pushed = 0 ORDER BY started_at`),
    itemData: db.prepare(`SELECT data FROM review_items WHERE campaign_id = ? ORDER BY position`).pluck(),
    markCampaignPushed: db.prepare(`UPDATE review_campaigns SET pushed = 1, push_error = NULL WHERE id = ?`),
    setPushError: db.prepare(`UPDATE review_campaigns SET push_error = ? WHERE id = ?`),
    campaignsWithUnpushedDecisions: db
      .prepare(
        `SELECT c.id FROM review_campaigns c WHERE c.pushed = 1
         AND EXISTS (SELECT 1 FROM review_decisions d WHERE d.campaign_id = c.id AND d.pushed = 0) ORDER BY c.started_at`,
      )
      .pluck(),
    unpushedDecisions: db.prepare(
      `SELECT id, campaign_id, grant_id, decision, justification, decided_at, decided_by
       FROM review_decisions WHERE pushed = 0 AND campaign_id = ? ORDER BY seq LIMIT ?`,
    ),
    markDecisionPushed: db.prepare(`UPDATE review_decisions SET pushed = 1 WHERE id = ?`),
    unpushedCompletions: db.prepare(
      `SELECT c.id, c.completed_at FROM review_campaigns c WHERE c.completed_at IS NOT NULL AND c.completion_pushed = 0 AND c.pushed = 1
       AND NOT EXISTS (SELECT 1 FROM review_decisions d WHERE d.campaign_id = c.id AND d.pushed = 0)`,
    ),
    markCompletionPushed: db.prepare(`UPDATE review_campaigns SET completion_pushed = 1 WHERE id = ?`),
  };

  const start = db.transaction((campaign: CampaignStart, items: readonly ReviewItem[]) => {
    statements.insertCampaign.run(campaign);
    items.forEach((item, position) => statements.insertItem.run(campaign.id, position, item.grantId, item.mode, JSON.stringify(item)));
  });
  const record = db.transaction((decisions: readonly ReviewDecision[]) => {
    for (const decision of decisions) {
      const { lastInsertRowid } = statements.insertDecision.run(decision);
      statements.pointAtDecision.run(lastInsertRowid, decision.campaignId, decision.grantId);
    }
  });
  const merge = db.transaction(
    (campaign: CampaignStart & { completedAt: string | null }, items: readonly ReviewItem[], decisions: readonly ReviewDecision[]) => {
      statements.mergeCampaign.run({ ...campaign, completionPushed: campaign.completedAt === null ? 0 : 1 });
      items.forEach((item, position) => statements.mergeItem.run(campaign.id, position, item.grantId, item.mode, JSON.stringify(item)));
      for (const decision of decisions) statements.mergeDecision.run(decision);
      statements.repoint.run(campaign.id);
    },
  );
  const markDecisionsPushed = db.transaction((ids: readonly string[]) => {
    for (const id of ids) statements.markDecisionPushed.run(id);
  });

  return {
    start: (campaign, items) => start(campaign, items),
    campaigns: () => (statements.campaigns.all() as CampaignRow[]).map(toCampaign),
    campaign(id) {
      const row = statements.campaign.get(id) as CampaignRow | undefined;
      return row && toCampaign(row);
    },
    detail(id) {
      const row = statements.campaign.get(id) as CampaignRow | undefined;
      if (!row) return undefined;
      return { campaign: toCampaign(row), items: (statements.items.all(id) as ItemRow[]).map(toItemState) };
    },
    item(campaignId, grantId) {
      const row = statements.item.get(campaignId, grantId) as ItemRow | undefined;
      return row && toItemState(row);
    },
    record: (...decisions) => record(decisions),
    markRemoved(campaignId, grantId, at) {
      statements.markRemoved.run(at, campaignId, grantId);
    },
    complete(campaignId, at) {
      statements.complete.run(at, campaignId);
    },
    lastReviews() {
      // Ordered by seq, so a later decision on the same grant (in any campaign) replaces an earlier one.
      const latest = new Map<string, LastReview>();
      for (const row of statements.lastReviews.all() as Array<{ grant_id: string; decision: ReviewDecisionKind; decided_at: string; name: string }>) {
        latest.set(row.grant_id, { grantId: row.grant_id, decision: row.decision, decidedAt: row.decided_at, campaignName: row.name });
      }
      return [...latest.values()];
    },

    pushedDecisionCount: (campaignId) => statements.pushedDecisionCount.get(campaignId) as number,
    merge: (campaign, items, decisions) => merge(campaign, items, decisions),
    unpushedCampaigns() {
      const rows = statements.unpushedCampaigns.all() as Array<{ id: string; name: string; due_date: string; started_at: string; started_by: string }>;
      return rows.map((row) => ({
        campaign: { id: row.id, name: row.name, dueDate: row.due_date, startedAt: row.started_at, startedBy: row.started_by },
        items: (statements.itemData.all(row.id) as string[]).map((data) => JSON.parse(data) as ReviewItem),
      }));
    },
    markCampaignPushed(id) {
      statements.markCampaignPushed.run(id);
    },
    setPushError(id, error) {
      statements.setPushError.run(error, id);
    },
    campaignsWithUnpushedDecisions: () => statements.campaignsWithUnpushedDecisions.all() as string[],
    unpushedDecisions: (campaignId, limit) => (statements.unpushedDecisions.all(campaignId, limit) as DecisionRow[]).map(toDecision),
    markDecisionsPushed: (ids) => markDecisionsPushed(ids),
    unpushedCompletions: () =>
      (statements.unpushedCompletions.all() as Array<{ id: string; completed_at: string }>).map((row) => ({ id: row.id, completedAt: row.completed_at })),
    markCompletionPushed(id) {
      statements.markCompletionPushed.run(id);
    },
  };
}

import { randomUUID } from 'node:crypto';
import type { ReviewCampaign, ReviewCampaignDetail, ReviewDecision, ReviewDecisionKind, ReviewItem, ReviewReport } from '../../common/review/review-campaign';
import { checkDueDate, checkJustification, checkReviewName, justificationRequired, localDay, MAX_REVIEW_ITEMS } from '../../common/review/review-rules';
import type { FieldIssue } from '../../common/result';
import { writeOwnerOnlyFile } from '../files/write-owner-only-file';
import { accessReviewCsv, accessReviewCsvFileName, reviewCsv, reviewCsvFileName } from '../export/review-csv';
import { reviewPdfFileName, reviewReportPdf } from '../export/review-report-pdf';
import { PortalError } from '../ipc/portal-error';
import { reviewItemUsage } from '../cache/review-item-usage';
import { pushReviews } from '../review/review-push';
import type { ProfileWorkspace } from '../workspace/profile-workspace';
import type { HandlerDeps, HandlerGroup } from './handler-deps';
import { byNames } from '../../common/sorting/name-collation';
import { filterReviewRows, lastReviewIndex, reviewRows } from '../../common/review/access-review-filter';

type Channels =
  | 'reviews.list'
  | 'reviews.get'
  | 'reviews.start'
  | 'reviews.decide'
  | 'reviews.decideMany'
  | 'reviews.applyRecommendations'
  | 'reviews.lastReviewed'
  | 'reviews.complete'
  | 'reviews.exportCsv'
  | 'reviews.exportPdf'
  | 'reviews.exportAccessCsv';

const path = encodeURIComponent;

export function reviewHandlers({ core, events, now }: HandlerDeps): HandlerGroup<Channels> {
  const signedIn = () => {
    const workspace = core.workspace();
    workspace.requireSignedIn();
    return workspace;
  };
  const detailOf = (workspace: ProfileWorkspace, id: string): ReviewCampaignDetail => {
    const detail = workspace.reviews.detail(id);
    if (!detail) throw new PortalError('NOT_FOUND', 'No such review');
    return detail;
  };
  /** The campaign's summary alone: a few counts, not every item (a campaign may hold 10 000). */
  const campaignOf = (workspace: ProfileWorkspace, id: string): ReviewCampaign => {
    const campaign = workspace.reviews.campaign(id);
    if (!campaign) throw new PortalError('NOT_FOUND', 'No such review');
    return campaign;
  };
  /** Local records changed: screens re-query, and the sync run pushes them when the portal is reachable. */
  const recorded = (workspace: ProfileWorkspace) => {
    events.emit('cache.changed', null);
    // A campaign started (or completed) here may start (or end) its reminders at once.
    workspace.reminders.check();
    void workspace.sync.syncNow();
  };
  /**
   * One way to record decisions, for one grant or many: every grant checked first (part of the
   * campaign, justification where required), then all records in one transaction, or none.
   * Saying the same thing again adds no record: the auditor's history shows changes of mind, not
   * double clicks. Returns how many records were added.
   */
  const decideAll = (
    workspace: ProfileWorkspace,
    campaignId: string,
    grantIds: readonly string[],
    decision: ReviewDecisionKind,
    justification: string | undefined,
  ): number => decideEach(workspace, campaignId, grantIds.map((grantId) => ({ grantId, decision, justification })), false).length;
  /**
   * The records behind `decideAll`, for decisions that may differ per grant (applying recommendations).
   * `onlyUndecided`: an item that has a decision by now is left as it is, not refused. Returns what was recorded.
   */
  const decideEach = (
    workspace: ProfileWorkspace,
    campaignId: string,
    decisions: ReadonlyArray<{ grantId: string; decision: ReviewDecisionKind; justification: string | undefined }>,
    onlyUndecided: boolean,
  ): ReviewDecision[] => {
    if (campaignOf(workspace, campaignId).completedAt) throw new PortalError('ACCESS_REVIEW_COMPLETED', 'The review is completed');
    const decidedAt = now().toISOString();
    const decidedBy = workspace.me().user.username;
    const records: ReviewDecision[] = [];
    const seen = new Set<string>();
    for (const { grantId, decision, justification } of decisions) {
      if (seen.has(grantId)) continue;
      seen.add(grantId);
      const item = workspace.reviews.item(campaignId, grantId);
      if (!item) throw new PortalError('NOT_FOUND', `The grant ${grantId} is not part of this review`);
      if (onlyUndecided && (item.decision || item.removedAt)) continue;
      const check = checkJustification(justification, item.mode, decision);
      if (!check.ok) throw new PortalError('INVALID_INPUT', 'The decision cannot be saved', [{ path: 'justification', code: check.code, message: check.message }]);
      if (item.decision?.decision === decision && item.decision.justification === check.value) continue;
      records.push({ id: randomUUID(), campaignId, grantId, decision, justification: check.value, decidedAt, decidedBy });
    }
    if (records.length > 0) {
      workspace.reviews.record(...records);
      recorded(workspace);
    }
    return records;
  };
  const report = (workspace: ProfileWorkspace, id: string): ReviewReport => {
    const me = workspace.me();
    const at = now();
    const detail = detailOf(workspace, id);
    return {
      organisationName: me.organisation.name,
      generatedAt: at.toISOString(),
      generatedBy: me.user.username,
      detail,
      // Over the window the recommendations judge by, up to the report.
      usage: reviewItemUsage(workspace.db, detail.items, workspace.reviewSettings.get().recommendationDays, at),
    };
  };

  return {
    'reviews.list': async () => signedIn().reviews.campaigns(),
    'reviews.get': async ({ id }) => signedIn().reviews.detail(id) ?? null,
    'reviews.lastReviewed': async () => signedIn().reviews.lastReviews(),

    'reviews.start': async ({ name, dueDate }) => {
      const workspace = signedIn();
      const nameCheck = checkReviewName(name);
      const dueCheck = checkDueDate(dueDate, localDay(now()));
      const fields: FieldIssue[] = [];
      if (!nameCheck.ok) fields.push({ path: 'name', code: nameCheck.code, message: nameCheck.message });
      if (!dueCheck.ok) fields.push({ path: 'dueDate', code: dueCheck.code, message: dueCheck.message });
      if (!nameCheck.ok || !dueCheck.ok) throw new PortalError('INVALID_INPUT', 'The review cannot start', fields);

      const items = reviewItems(workspace);
      if (items.length === 0) throw new PortalError('NOTHING_TO_REVIEW', 'No vendor has access to any machine group');
      // The portal refuses a larger snapshot: a campaign it can never accept must not be started.
      if (items.length > MAX_REVIEW_ITEMS) throw new PortalError('REVIEW_TOO_LARGE', `${items.length} grants; a review holds at most ${MAX_REVIEW_ITEMS}`);
      const id = randomUUID();
      workspace.reviews.start(
        { id, name: nameCheck.value, dueDate: dueCheck.value, startedAt: now().toISOString(), startedBy: workspace.me().user.username },
        items,
      );
      core.logger.info('review.started', { campaignId: id, items: items.length });
      recorded(workspace);
      return campaignOf(workspace, id);
    },

    'reviews.decide': async ({ campaignId, grantId, decision, justification }) => {
      const workspace = signedIn();
      decideAll(workspace, campaignId, [grantId], decision, justification);
      const item = workspace.reviews.item(campaignId, grantId);
      if (!item) throw new PortalError('NOT_FOUND', 'The grant is not part of this review');
      return { item, campaign: campaignOf(workspace, campaignId) };
    },
    'reviews.decideMany': async ({ campaignId, grantIds, decision, justification }) => ({
      decided: decideAll(signedIn(), campaignId, grantIds, decision, justification),
    }),
    'reviews.applyRecommendations': async ({ campaignId, keep, remove, justification }) => {
      const workspace = signedIn();
      const both = new Set(keep.filter((grantId) => remove.includes(grantId)));
      if (both.size > 0) {
        throw new PortalError('INVALID_INPUT', 'A grant is recommended both kept and removed', [
          { path: 'remove', code: 'BOTH_KEEP_AND_REMOVE', message: `Kept and removed: ${[...both].slice(0, 5).join(', ')}` },
        ]);
      }
      // The reason is asked for the kept access without approval only: it is theirs, not the rest's.
      const kept = keep.map((grantId) => {
        const item = workspace.reviews.item(campaignId, grantId);
        return { grantId, decision: 'keep' as const, justification: item && justificationRequired(item.mode, 'keep') ? (justification ?? '') : undefined };
      });
      const records = decideEach(workspace, campaignId, [...kept, ...remove.map((grantId) => ({ grantId, decision: 'remove' as const, justification: undefined }))], true);
      core.logger.info('review.recommendations-applied', { campaignId, recorded: records.length });
      return { kept: records.filter((record) => record.decision === 'keep').length, removed: records.filter((record) => record.decision === 'remove').length };
    },

    'reviews.complete': async ({ id }) => {
      const workspace = signedIn();
      const detail = detailOf(workspace, id);
      if (detail.campaign.completedAt) return detail;
      const undecided = detail.items.filter((item) => !item.decision).length;
      if (undecided > 0) throw new PortalError('REVIEW_INCOMPLETE', `${undecided} grants have no decision yet`);

      // The portal must hold the decisions before any access is removed on their strength.
      await pushReviews(workspace.reviews, workspace.client, core.logger);
      const pending = workspace.reviews.campaign(id);
      if (pending && pending.unpushedCount > 0) throw new PortalError('REVIEW_NOT_PUSHED', pending.pushError ?? 'The portal has not accepted the review yet');

      try {
        for (const item of detail.items) {
          if (item.decision?.decision !== 'remove' || item.removedAt) continue;
          await removeGrant(workspace, item);
          // One removal at a time, each recorded at once: a failure part-way leaves an honest state to resume from.
          workspace.db.transaction(() => {
            workspace.reviews.markRemoved(id, item.grantId, now().toISOString());
            workspace.repositories.grants.remove(item.grantId);
          })();
        }
        workspace.reviews.complete(id, now().toISOString());
        // The completion record follows at once if it can; if not, the campaign shows it as unsent and the next sync sends it.
        await pushReviews(workspace.reviews, workspace.client, core.logger).catch(() => false);
        core.logger.info('review.completed', { campaignId: id, removed: detail.items.filter((item) => item.decision?.decision === 'remove').length });
      } finally {
        recorded(workspace);
      }
      return detailOf(workspace, id);
    },

    'reviews.exportCsv': async ({ id, language }) => {
      const workspace = signedIn();
      const content = report(workspace, id);
      const chosen = await core.chooseSavePath(reviewCsvFileName(content.detail.campaign.name, now()));
      if (!chosen) return null;
      const written = await writeOwnerOnlyFile(chosen, reviewCsv(content, language));
      core.logger.info('review.exported', { path: written, format: 'csv', rows: content.detail.items.length });
      return { path: written, rows: content.detail.items.length };
    },
    'reviews.exportPdf': async ({ id, language }) => {
      const workspace = signedIn();
      const content = report(workspace, id);
      const chosen = await core.chooseSavePath(reviewPdfFileName(content.detail.campaign.name, now()));
      if (!chosen) return null;
      const written = await writeOwnerOnlyFile(chosen, await reviewReportPdf(content, language));
      core.logger.info('review.exported', { path: written, format: 'pdf', rows: content.detail.items.length });
      return { path: written, rows: content.detail.items.length };
    },
    'reviews.exportAccessCsv': async ({ filter, language }) => {
      const workspace = signedIn();
      const at = now();
      // The screen's own rows and filter, from the same cache: the file holds what the table shows.
      const rows = filterReviewRows(
        reviewRows(workspace.repositories.grants.all(), workspace.repositories.machineGroups.all(), at.getTime(), lastReviewIndex(workspace.reviews.lastReviews())),
        filter,
        at.getTime(),
      );
      const chosen = await core.chooseSavePath(accessReviewCsvFileName(at));
      if (!chosen) return null;
      const written = await writeOwnerOnlyFile(chosen, accessReviewCsv(rows, language));
      core.logger.info('review.exported', { path: written, format: 'csv', rows: rows.length });
      return { path: written, rows: rows.length };
    },
  };
}

/** What the reviewer will see of every cached grant, sorted as the review table sorts it. */
function reviewItems(workspace: ProfileWorkspace): ReviewItem[] {
  const groups = new Map(workspace.repositories.machineGroups.all().map((group) => [group.id, group]));
  return workspace.repositories.grants
    .all()
    .map((grant) => ({
      grantId: grant.id,
      groupId: grant.groupId,
      groupFullName: groups.get(grant.groupId)?.fullName ?? grant.groupId,
      vendorId: grant.vendor.id,
      vendorName: grant.vendor.name,
      mode: grant.mode,
      grantedAt: grant.grantedAt,
      grantedBy: grant.grantedBy,
      expiresAt: grant.expiresAt ?? null,
    }))
    .sort(byNames((item) => [item.groupFullName, item.vendorName]));
}

/** Already gone (expired, or removed in the web portal) is what the decision asked for. */
async function removeGrant(workspace: ProfileWorkspace, item: ReviewItem): Promise<void> {
  try {
    await workspace.client.request('DELETE', `machine-groups/${path(item.groupId)}/grants/${path(item.vendorId)}`);
  } catch (error) {
    if (!(error instanceof PortalError && error.code === 'NOT_FOUND')) throw error;
  }
}

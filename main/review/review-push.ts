import { MAX_DECISIONS_PER_REQUEST } from '../../common/review/review-rules';
import type { PortalClient } from '../api/portal-client';
import type { ReviewRepository } from '../cache/review-repository';
import { PortalError } from '../ipc/portal-error';
import type { Logger } from '../log/logger';

/** Failures that end the whole push (and the sync run with it); anything else is one campaign's problem. */
export const CONNECTION_CODES: ReadonlySet<string> = new Set(['OFFLINE', 'SESSION_EXPIRED', 'NOT_SIGNED_IN', 'LOGIN_FAILED', 'KEYCHAIN_UNAVAILABLE']);

/**
 * Sends what the portal has not accepted yet — new campaigns, then their decisions in record order,
 * then completions — and marks each as pushed only after the portal answered. Every record carries its
 * own id, which the portal uses as the idempotency key, so a push cut off between the portal's answer
 * and our mark is simply sent again and recorded once.
 *
 * A refusal is one campaign's problem: it is shown on that campaign (pushError, with the portal's
 * field-by-field reasons) and the others go on. Every run sends the refused records again, because
 * some refusals pass: a decision stamped by a clock running ahead of the portal's is taken once the
 * portal's clock has caught up. The portal accepts a snapshot of a grant that has changed or gone
 * since (it checks the item against its own history of the grant), so a campaign started offline
 * from an older cache is not refused for that.
 * Returns whether anything was pushed.
 */
export async function pushReviews(reviews: ReviewRepository, client: Pick<PortalClient, 'request'>, logger: Logger): Promise<boolean> {
  let pushed = false;
  const perCampaign = async (id: string, work: () => Promise<void>) => {
    try {
      await work();
      reviews.setPushError(id, null);
    } catch (error) {
      if (!(error instanceof PortalError) || CONNECTION_CODES.has(error.code)) throw error;
      reviews.setPushError(id, refusalText(error));
      logger.warn('review.push_refused', { campaignId: id, code: error.code, message: error.message, fields: error.fields?.length ?? 0 });
    }
  };

  for (const { campaign, items } of reviews.unpushedCampaigns()) {
    await perCampaign(campaign.id, async () => {
      await client.request('POST', 'access-reviews', {
        body: { id: campaign.id, name: campaign.name, dueDate: campaign.dueDate, startedAt: campaign.startedAt, items },
      });
      reviews.markCampaignPushed(campaign.id);
      pushed = true;
    });
  }

  for (const campaignId of reviews.campaignsWithUnpushedDecisions()) {
    await perCampaign(campaignId, async () => {
      for (;;) {
        const batch = reviews.unpushedDecisions(campaignId, MAX_DECISIONS_PER_REQUEST);
        if (batch.length === 0) break;
        await client.request('POST', `access-reviews/${encodeURIComponent(campaignId)}/decisions`, {
          body: {
            decisions: batch.map((decision) => ({
              id: decision.id,
              grantId: decision.grantId,
              decision: decision.decision,
              justification: decision.justification,
              decidedAt: decision.decidedAt,
            })),
          },
        });
        reviews.markDecisionsPushed(batch.map((decision) => decision.id));
        pushed = true;
      }
    });
  }

  for (const { id, completedAt } of reviews.unpushedCompletions()) {
    await perCampaign(id, async () => {
      await client.request('POST', `access-reviews/${encodeURIComponent(id)}/completion`, { body: { completedAt } });
      reviews.markCompletionPushed(id);
      pushed = true;
    });
  }

  if (pushed) logger.info('review.pushed', {});
  return pushed;
}

const SHOWN_FIELDS = 3;

/** "INVALID_INPUT: The request is not valid — items.0.mode ITEM_CONTRADICTS_GRANT: …; and 2 more". */
export function refusalText(error: PortalError): string {
  const fields = error.fields ?? [];
  const shown = fields.slice(0, SHOWN_FIELDS).map((field) => `${field.path} ${field.code}: ${field.message}`);
  if (fields.length > SHOWN_FIELDS) shown.push(`and ${fields.length - SHOWN_FIELDS} more`);
  return shown.length > 0 ? `${error.code}: ${error.message} — ${shown.join('; ')}` : `${error.code}: ${error.message}`;
}

import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { actorFor } from '../domain/actor';
import { completeAccessReview } from '../domain/access-review-completion';
import { recordAccessReviewDecisions, type AccessReviewDecisionInput } from '../domain/access-review-decisions';
import { getAccessReview, listAccessReviews } from '../domain/access-review-repository';
import { startAccessReview, type AccessReviewStart } from '../domain/access-review-start';
import { requireActiveService } from '../domain/remote-support-service';
import { callerWithRole } from '../http/authenticate';
import { problemResponses } from '../openapi/component-schemas';
import { conditionalGetHeaders, idParams, notModified, ok, okList } from './route-schemas';
import { sendWithEtag } from './http-caching';

// A review snapshots every grant of the organisation: 10 000 items is about 4 MB of JSON, far above
// the server-wide limit. Decisions are pushed in batches of up to 5 000 with up to 1 000 characters each.
const START_BODY_LIMIT = 64 * 1024 * 1024;
const DECISIONS_BODY_LIMIT = 32 * 1024 * 1024;

const uuid = { type: 'string', format: 'uuid' } as const;

/**
 * Access-review campaigns: the administrator decides, grant by grant, whether a vendor keeps its
 * access. The app records everything offline first and pushes it here as immutable records whose
 * client-chosen ids are their idempotency keys, so every write may be retried safely.
 */
export function registerAccessReviewRoutes(api: FastifyInstance, { db, now }: ServerContext): void {
  api.get(
    '/access-reviews',
    {
      schema: {
        summary: 'Your access reviews, newest start first',
        tags: ['access reviews'],
        headers: conditionalGetHeaders,
        response: okList('AccessReviewSummary#'),
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      requireActiveService(db, caller.organisationId);
      return sendWithEtag(request, reply, listAccessReviews(db, caller.organisationId));
    },
  );

  api.post<{ Body: AccessReviewStart }>(
    '/access-reviews',
    {
      bodyLimit: START_BODY_LIMIT,
      schema: {
        summary: 'Record the start of an access review, with a snapshot of every grant it covers',
        description:
          'The id is chosen by the client and is the idempotency key: 201 when recorded, 200 with the same summary when ' +
          'this id was already recorded with the same name, dueDate, startedAt and items (in any order), 409 ' +
          'ACCESS_REVIEW_CONFLICT when with other content. startedBy is the caller. 422 VALIDATION_FAILED with field ' +
          'errors: name NAME_REQUIRED (blank), items.<i>.groupId MACHINE_GROUP_NOT_FOUND (not one of your machine groups), ' +
          'items.<i>.grantId GRANT_ID_DUPLICATE.',
        tags: ['access reviews'],
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'name', 'dueDate', 'startedAt', 'items'],
          properties: {
            id: uuid,
            name: { type: 'string', minLength: 1, maxLength: 100, description: 'Trimmed' },
            dueDate: { type: 'string', format: 'date' },
            startedAt: { type: 'string', format: 'date-time' },
            items: { type: 'array', maxItems: 100_000, items: { $ref: 'AccessReviewItem#' } },
          },
        },
        response: {
          200: { description: 'Already recorded with the same content', $ref: 'AccessReviewSummary#' },
          201: { description: 'Recorded', $ref: 'AccessReviewSummary#' },
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      requireActiveService(db, caller.organisationId);
      const { review, created } = startAccessReview(db, actorFor(caller), request.body, now());
      if (created) void reply.code(201).header('Location', `/api/v1/access-reviews/${review.id}`);
      return reply.send(review);
    },
  );

  api.get<{ Params: { id: string } }>(
    '/access-reviews/:id',
    {
      schema: {
        summary: 'One of your access reviews, with its items and decision records',
        tags: ['access reviews'],
        params: idParams,
        headers: conditionalGetHeaders,
        response: { 200: { description: 'OK', $ref: 'AccessReview#' }, ...notModified, ...problemResponses },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      requireActiveService(db, caller.organisationId);
      return sendWithEtag(request, reply, getAccessReview(db, caller.organisationId, request.params.id));
    },
  );

  api.post<{ Params: { id: string }; Body: { decisions: AccessReviewDecisionInput[] } }>(
    '/access-reviews/:id/decisions',
    {
      bodyLimit: DECISIONS_BODY_LIMIT,
      schema: {
        summary: 'Record decisions on an access review\'s items, all or none',
        description:
          'Records are immutable and their client-chosen ids are idempotency keys: an id already recorded with the same ' +
          'content counts as alreadyRecorded; with other content it is 409 ACCESS_REVIEW_CONFLICT. decidedBy is the caller; ' +
          'the justification is trimmed and blank means none. 409 ACCESS_REVIEW_COMPLETED when the review is completed and ' +
          'the request holds a new record. 422 VALIDATION_FAILED with field errors: decisions.<i>.grantId GRANT_NOT_IN_REVIEW, ' +
          'decisions.<i>.justification JUSTIFICATION_REQUIRED (keeping access without approval).',
        tags: ['access reviews'],
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['decisions'],
          properties: {
            decisions: {
              type: 'array',
              minItems: 1,
              maxItems: 5_000,
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['id', 'grantId', 'decision', 'decidedAt'],
                properties: {
                  id: uuid,
                  grantId: { type: 'string', minLength: 1, maxLength: 201 },
                  decision: { type: 'string', enum: ['keep', 'remove'] },
                  justification: { type: ['string', 'null'], maxLength: 1000, description: 'Absent or null: none' },
                  decidedAt: { type: 'string', format: 'date-time' },
                },
              },
            },
          },
        },
        response: ok({ $ref: 'AccessReviewDecisionReceipt#' }),
      },
    },
    async (request) => {
      const caller = callerWithRole(request, 'portal-admin');
      requireActiveService(db, caller.organisationId);
      return recordAccessReviewDecisions(db, actorFor(caller), request.params.id, request.body.decisions, now());
    },
  );

  api.post<{ Params: { id: string }; Body: { completedAt: string } }>(
    '/access-reviews/:id/completion',
    {
      schema: {
        summary: 'Complete an access review: it takes no more decisions',
        description: 'Idempotent: a completed review answers 200 with its first completedAt and records nothing.',
        tags: ['access reviews'],
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['completedAt'],
          properties: { completedAt: { type: 'string', format: 'date-time' } },
        },
        response: ok({ $ref: 'AccessReviewSummary#' }),
      },
    },
    async (request) => {
      const caller = callerWithRole(request, 'portal-admin');
      requireActiveService(db, caller.organisationId);
      return completeAccessReview(db, actorFor(caller), request.params.id, request.body.completedAt, now());
    },
  );
}

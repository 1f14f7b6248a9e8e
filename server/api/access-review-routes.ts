import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MAX_DECISIONS_PER_REQUEST, MAX_REVIEW_ITEMS } from '../../common/review/review-rules';
import type { ServerContext } from '../context';
import { actorFor } from '../domain/actor';
import { completeAccessReview } from '../domain/access-review-completion';
import { recordAccessReviewDecisions, type AccessReviewDecisionInput } from '../domain/access-review-decisions';
import { getAccessReview, listAccessReviews } from '../domain/access-review-repository';
import { startAccessReview, type AccessReviewStart } from '../domain/access-review-start';
import { requireActiveService } from '../domain/remote-support-service';
import { callerWithRole } from '../http/authenticate';
import { Problem } from '../http/problem';
import { conditionalGetHeaders, idParams, notModified, ok, okList, problems } from './route-schemas';
import { sendWithEtag } from './http-caching';

// A review snapshots every grant of the organisation, at most MAX_REVIEW_ITEMS: an item is about 300
// bytes of JSON, so 16 MiB leaves room for long names and is still far below what a parsed body of
// that size costs in memory (about four times). Decisions come in batches of MAX_DECISIONS_PER_REQUEST
// with up to 1 000 characters of justification each (up to 4 bytes a character). Larger bodies are
// refused with 413 before they are read; more items than allowed with 422 before they are validated.
const START_BODY_LIMIT = 16 * 1024 * 1024;
const DECISIONS_BODY_LIMIT = 8 * 1024 * 1024;

/** A preValidation hook: too many entries in a body's array is a 422 naming the field, before each entry is checked. */
function atMost(field: string, max: number) {
  return async (request: FastifyRequest): Promise<void> => {
    const body = request.body;
    const list = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : undefined;
    if (Array.isArray(list) && list.length > max) {
      const message = `At most ${max} in one request, not ${list.length}`;
      throw new Problem(422, 'VALIDATION_FAILED', 'The request is not valid', [{ field, code: 'TOO_MANY_ITEMS', message }]);
    }
  };
}

const uuid = { type: 'string', format: 'uuid' } as const;

const REVIEW_NOT_FOUND = { code: 'NOT_FOUND', title: 'Access review not found' } as const;
const clockAhead = (field: string, code: string) =>
  ({ field, code, message: 'Later than the portal\'s clock allows: at most 2026-03-02T09:20:00.000Z' }) as const;

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
        operationId: 'listAccessReviews',
        summary: 'Your access reviews, newest start first',
        tags: ['access reviews'],
        headers: conditionalGetHeaders,
        response: { ...okList('AccessReviewSummary#'), ...problems('FORBIDDEN', 'SERVICE_NOT_ACTIVE') },
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
      preValidation: atMost('items', MAX_REVIEW_ITEMS),
      schema: {
        operationId: 'startAccessReview',
        summary: 'Record the start of an access review, with a snapshot of every grant it covers',
        description:
          'The id is chosen by the client and is the idempotency key: 201 when recorded, 200 with the same summary when ' +
          'this id was already recorded with the same name, dueDate, startedAt and items (in any order), 409 ' +
          'ACCESS_REVIEW_CONFLICT when with other content. startedBy is the caller. Every item must be a version of one of ' +
          'your grants as the portal recorded it: as it is, or as it was before a later change or its removal (a review ' +
          'started offline snapshots an older copy). 413 when the body is over 16 MiB. 422 VALIDATION_FAILED with field ' +
          `errors: items TOO_MANY_ITEMS (over ${MAX_REVIEW_ITEMS}); name REVIEW_NAME_REQUIRED, NAME_INVALID_CHARACTERS ` +
          '(invisible, control or direction-changing characters), REVIEW_NAME_TOO_LONG; items.<i>.groupId ' +
          'MACHINE_GROUP_NOT_FOUND (not one of your machine groups); items.<i>.grantId GRANT_NOT_FOUND (no such grant of ' +
          'that vendor on that group, now or before), GRANT_ID_DUPLICATE; items.<i>.grantedAt GRANT_VERSION_NOT_FOUND; ' +
          'items.<i>.<field> ITEM_CONTRADICTS_GRANT (differs from the portal\'s record of that version); startedAt ' +
          'STARTED_AT_IN_FUTURE (over 5 minutes ahead of the portal\'s clock), STARTED_AT_BEFORE_GRANTS (over a day ' +
          'before the newest grant it holds).',
        tags: ['access reviews'],
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'name', 'dueDate', 'startedAt', 'items'],
          properties: {
            id: uuid,
            name: { type: 'string', minLength: 1, maxLength: 100, description: 'NFC and trimmed; refused with invisible, control or direction-changing characters' },
            dueDate: { type: 'string', format: 'date' },
            startedAt: { type: 'string', format: 'date-time' },
            items: { type: 'array', maxItems: MAX_REVIEW_ITEMS, items: { $ref: 'AccessReviewItem#' } },
          },
        },
        response: {
          200: { description: 'Already recorded with the same content', $ref: 'AccessReviewSummary#' },
          201: { description: 'Recorded', $ref: 'AccessReviewSummary#' },
          ...problems('FORBIDDEN', 'SERVICE_NOT_ACTIVE', 'ACCESS_REVIEW_CONFLICT', {
            code: 'VALIDATION_FAILED',
            status: 422,
            errors: [
              { field: 'items.0.grantId', code: 'GRANT_NOT_FOUND', message: 'The portal has no record of this grant of this vendor on this machine group' },
              clockAhead('startedAt', 'STARTED_AT_IN_FUTURE'),
            ],
          }),
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
        operationId: 'getAccessReview',
        summary: 'One of your access reviews, with its items and decision records',
        tags: ['access reviews'],
        params: idParams,
        headers: conditionalGetHeaders,
        response: { 200: { description: 'OK', $ref: 'AccessReview#' }, ...notModified, ...problems('FORBIDDEN', 'SERVICE_NOT_ACTIVE', REVIEW_NOT_FOUND) },
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
      preValidation: atMost('decisions', MAX_DECISIONS_PER_REQUEST),
      schema: {
        operationId: 'recordAccessReviewDecisions',
        summary: 'Record decisions on an access review\'s items, all or none',
        description:
          'Records are immutable and their client-chosen ids are idempotency keys: an id already recorded with the same ' +
          'content counts as alreadyRecorded; with other content it is 409 ACCESS_REVIEW_CONFLICT. decidedBy is the caller; ' +
          'the justification is NFC, trimmed and blank means none. 409 ACCESS_REVIEW_COMPLETED when the review is completed ' +
          'and the request holds a new record. 413 when the body is over 8 MiB. 422 VALIDATION_FAILED with field errors: ' +
          `decisions TOO_MANY_ITEMS (over ${MAX_DECISIONS_PER_REQUEST}); decisions.<i>.grantId GRANT_NOT_IN_REVIEW; ` +
          'decisions.<i>.justification JUSTIFICATION_REQUIRED (keeping access without approval), ' +
          'JUSTIFICATION_INVALID_CHARACTERS (invisible, control or direction-changing characters; line feeds are allowed); ' +
          'decisions.<i>.decidedAt DECIDED_AT_IN_FUTURE (over 5 minutes ahead of the portal\'s clock: send it again later), ' +
          'DECIDED_AT_BEFORE_START (over a day before the review started).',
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
              maxItems: MAX_DECISIONS_PER_REQUEST,
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
        response: {
          ...ok({ $ref: 'AccessReviewDecisionReceipt#' }),
          ...problems(
            'FORBIDDEN',
            'SERVICE_NOT_ACTIVE',
            REVIEW_NOT_FOUND,
            {
              code: 'ACCESS_REVIEW_CONFLICT',
              title: 'A decision with this id was recorded with other content',
              errors: [{ field: 'decisions.0.id', code: 'ACCESS_REVIEW_CONFLICT', message: 'A decision with this id was recorded with other content' }],
            },
            'ACCESS_REVIEW_COMPLETED',
            {
              code: 'VALIDATION_FAILED',
              status: 422,
              errors: [
                { field: 'decisions.0.justification', code: 'JUSTIFICATION_REQUIRED', message: 'Keeping access without approval needs a justification' },
                clockAhead('decisions.1.decidedAt', 'DECIDED_AT_IN_FUTURE'),
              ],
            },
          ),
        },
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
        operationId: 'completeAccessReview',
        summary: 'Complete an access review: it takes no more decisions',
        description:
          'Idempotent: a completed review answers 200 with its first completedAt and records nothing. 422 VALIDATION_FAILED ' +
          'with field errors: completedAt COMPLETED_AT_IN_FUTURE (over 5 minutes ahead of the portal\'s clock), ' +
          'COMPLETED_AT_BEFORE_START (over a day before the review started).',
        tags: ['access reviews'],
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['completedAt'],
          properties: { completedAt: { type: 'string', format: 'date-time' } },
        },
        response: {
          ...ok({ $ref: 'AccessReviewSummary#' }),
          ...problems('FORBIDDEN', 'SERVICE_NOT_ACTIVE', REVIEW_NOT_FOUND, {
            code: 'VALIDATION_FAILED',
            status: 422,
            errors: [clockAhead('completedAt', 'COMPLETED_AT_IN_FUTURE')],
          }),
        },
      },
    },
    async (request) => {
      const caller = callerWithRole(request, 'portal-admin');
      requireActiveService(db, caller.organisationId);
      return completeAccessReview(db, actorFor(caller), request.params.id, request.body.completedAt, now());
    },
  );
}

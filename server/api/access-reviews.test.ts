import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANISATION } from '../seed/demo-credentials';
import { addVendorGrants } from './testing/many-grants';
import { addPortalAdmin, readDatabase } from './testing/other-organisation';
import { activateService, startTestPortal, type ApiClient, type TestPortal } from './testing/test-portal';

const REVIEWS = '/api/v1/access-reviews';
const GROUPS = '/api/v1/machine-groups';
const OSTFOLD = 'org-vendor-01'; // "Østfold Fjerndrift AS", a second organisation with an active service
const BAERUM = 'org-vendor-02';
const FOREIGN_GROUP = 'group-vendor-01-maskiner'; // Østfold's own group

interface Item {
  grantId: string;
  groupId: string;
  groupFullName: string;
  vendorId: string;
  vendorName: string;
  mode: 'with_approval' | 'without_approval';
  grantedAt: string;
  grantedBy: string;
  expiresAt: string | null;
}

interface AuditEvent {
  id: number;
  action: string;
  objectType: string;
  objectId: string;
  actor: { username: string };
  after: Record<string, unknown>;
}

interface Grant {
  id: string;
  groupId: string;
  vendor: { id: string; name: string };
  mode: Item['mode'];
  grantedAt: string;
  grantedBy: string;
  expiresAt: string | null;
}

const itemOf = (grant: Grant, groupFullName: string): Item => ({
  grantId: grant.id,
  groupId: grant.groupId,
  groupFullName,
  vendorId: grant.vendor.id,
  vendorName: grant.vendor.name,
  mode: grant.mode,
  grantedAt: grant.grantedAt,
  grantedBy: grant.grantedBy,
  expiresAt: grant.expiresAt,
});

// The test portal's clock starts at 2026-03-02T09:00Z and activation moves it a minute on: decisions
// are stamped a little after that, within the few minutes a client's clock may be ahead.
const decision = (grantId: string, kind: 'keep' | 'remove', justification: string | null = null, decidedAt = '2026-03-02T09:02:00.000Z') => ({
  id: randomUUID(),
  grantId,
  decision: kind,
  justification,
  decidedAt,
});

describe('access reviews before the service is active', () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await startTestPortal();
  });
  afterAll(() => portal?.close());

  it('answers 401 without a token and 409 SERVICE_NOT_ACTIVE to an administrator', async () => {
    const anonymous = await portal.anonymous.get(REVIEWS);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('UNAUTHENTICATED');
    expect((await portal.anonymous.post(REVIEWS, {})).status).toBe(401);

    const admin = await portal.as();
    const start = { id: randomUUID(), name: 'Q1', dueDate: '2026-03-31', startedAt: '2026-03-02T09:00:00.000Z', items: [] };
    for (const response of [
      await admin.get(REVIEWS),
      await admin.post(REVIEWS, start),
      await admin.get(`${REVIEWS}/${start.id}`),
      await admin.post(`${REVIEWS}/${start.id}/decisions`, { decisions: [decision('g:v', 'remove')] }),
      await admin.post(`${REVIEWS}/${start.id}/completion`, { completedAt: '2026-03-02T10:00:00.000Z' }),
    ]) {
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('SERVICE_NOT_ACTIVE');
    }
  });

  it('refuses a remote-support user (403)', async () => {
    const kari = await portal.as('kari.nordmann');
    expect((await kari.get(REVIEWS)).body.code).toBe('FORBIDDEN');
  });
});

describe('access reviews', () => {
  let portal: TestPortal;
  let admin: ApiClient;
  let vendorAdmin: ApiClient;
  /** Two real grants on the demo organisation's "Servere": Østfold with approval, Bærum without. */
  let withApproval: Item;
  let withoutApproval: Item;
  let maskinerId: string;

  /** The whole log, page by page: one test records thousands of decisions. */
  const auditEvents = async (client: ApiClient = admin): Promise<AuditEvent[]> => {
    const events: AuditEvent[] = [];
    for (;;) {
      const page: AuditEvent[] = (await client.get(`/api/v1/audit-events?since=${events.at(-1)?.id ?? 0}&limit=1000`)).body;
      events.push(...page);
      if (page.length < 1000) return events;
    }
  };

  const newReview = (items: Item[], overrides: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    name: 'Tilgangsgjennomgang Q1',
    dueDate: '2026-03-31',
    startedAt: '2026-03-02T08:30:00.000Z',
    items,
    ...overrides,
  });

  beforeAll(async () => {
    portal = await startTestPortal();
    admin = await portal.as();
    await activateService(portal, admin);
    maskinerId = (await admin.get(GROUPS)).body[0].id;
    const servere = (await admin.post(GROUPS, { name: 'Servere' })).body;
    const ostfold = (await admin.put(`${GROUPS}/${servere.id}/grants/${OSTFOLD}`, { mode: 'with_approval' })).body;
    const baerum = (await admin.put(`${GROUPS}/${servere.id}/grants/${BAERUM}`, { mode: 'without_approval' })).body;
    withApproval = itemOf(ostfold, servere.fullName);
    withoutApproval = itemOf(baerum, servere.fullName);
    addPortalAdmin(portal.dbPath, OSTFOLD, 'ostfold.admin');
    vendorAdmin = await portal.as('ostfold.admin');
  });
  afterAll(() => portal?.close());

  describe('POST /access-reviews', () => {
    it('records a review (201), and answers an identical replay with 200 and the same summary, recording nothing', async () => {
      const review = newReview([withApproval, withoutApproval], { name: '  Tilgangsgjennomgang Q1  ' });
      const created = await admin.post(REVIEWS, review);
      expect(created.status).toBe(201);
      expect(created.headers.get('location')).toBe(`${REVIEWS}/${review.id}`);
      expect(created.body).toEqual({
        id: review.id,
        name: 'Tilgangsgjennomgang Q1',
        dueDate: '2026-03-31',
        startedAt: '2026-03-02T08:30:00.000Z',
        startedBy: 'demo.admin',
        completedAt: null,
        itemCount: 2,
        decisionCount: 0,
      });

      const replay = await admin.post(REVIEWS, review);
      expect(replay.status).toBe(200);
      expect(replay.body).toEqual(created.body);
      // The same content in another form (item order, instant notation, untrimmed name) is still the same review.
      const sameInOtherForm = { ...review, name: 'Tilgangsgjennomgang Q1 ', startedAt: '2026-03-02T09:30:00+01:00', items: [withoutApproval, withApproval] };
      expect((await admin.post(REVIEWS, sameInOtherForm)).status).toBe(200);

      const list = await admin.get(REVIEWS);
      expect(list.body.filter((summary: { id: string }) => summary.id === review.id)).toEqual([created.body]);
      const detail = await admin.get(`${REVIEWS}/${review.id}`);
      expect(detail.status).toBe(200);
      expect(detail.body).toEqual({ ...created.body, items: [withApproval, withoutApproval], decisions: [] });
      const started = (await auditEvents()).filter((event) => event.objectId === review.id);
      expect(started).toEqual([
        expect.objectContaining({
          action: 'access_review.started',
          objectType: 'access_review',
          actor: expect.objectContaining({ username: 'demo.admin' }),
          after: { name: 'Tilgangsgjennomgang Q1', dueDate: '2026-03-31', itemCount: 2 },
        }),
      ]);
    });

    it('reaches the app through /sync as an audit event (the write bumps the global version)', async () => {
      const review = newReview([withApproval]);
      let cursor = 0;
      for (let hasMore = true; hasMore; ) ({ cursor, hasMore } = (await admin.get(`/api/v1/sync?since=${cursor}&limit=1000`)).body);
      expect((await admin.post(REVIEWS, review)).status).toBe(201);
      const after = (await admin.get(`/api/v1/sync?since=${cursor}&limit=1000`)).body;
      expect(after.changes).toEqual([
        expect.objectContaining({ type: 'auditEvent', op: 'put', data: expect.objectContaining({ action: 'access_review.started', objectId: review.id }) }),
      ]);
    });

    it('answers 409 ACCESS_REVIEW_CONFLICT when the id is replayed with other content', async () => {
      const review = newReview([withApproval, withoutApproval]);
      expect((await admin.post(REVIEWS, review)).status).toBe(201);
      for (const other of [
        { ...review, name: 'Et annet navn' },
        { ...review, dueDate: '2026-04-30' },
        { ...review, startedAt: '2026-03-02T08:30:01.000Z' },
        { ...review, items: [withApproval] },
        { ...review, items: [withApproval, { ...withoutApproval, mode: 'with_approval' }] },
      ]) {
        const conflict = await admin.post(REVIEWS, other);
        expect(conflict.status).toBe(409);
        expect(conflict.body.code).toBe('ACCESS_REVIEW_CONFLICT');
      }
      expect((await admin.get(`${REVIEWS}/${review.id}`)).body.name).toBe(review.name);
    });

    it('refuses a blank name (422 on name), and records nothing', async () => {
      const review = newReview([withApproval], { name: ' \t ' });
      const response = await admin.post(REVIEWS, review);
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'name', code: 'REVIEW_NAME_REQUIRED' })]);
      expect((await admin.get(`${REVIEWS}/${review.id}`)).status).toBe(404);
    });

    it.each([
      ['a right-to-left override', 'Q1\u202e'],
      ['nothing but a zero width space', '\u200b'],
      ['a NUL', 'Q1\u0000'],
      ['a lone surrogate', 'Q1\udc00'],
    ])('refuses a name with %s (422 NAME_INVALID_CHARACTERS on name), and records nothing', async (_what, name) => {
      const review = newReview([withApproval], { name });
      const response = await admin.post(REVIEWS, review);
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'name', code: 'NAME_INVALID_CHARACTERS' })]);
      expect((await admin.get(`${REVIEWS}/${review.id}`)).status).toBe(404);
    });

    it('refuses items on another organisation\'s or an unknown machine group (422 on items.<i>.groupId)', async () => {
      const foreign = { ...withApproval, grantId: `${FOREIGN_GROUP}:${BAERUM}`, groupId: FOREIGN_GROUP };
      const unknown = { ...withApproval, grantId: 'group-nope:org-vendor-03', groupId: 'group-nope' };
      const review = newReview([withApproval, foreign, unknown]);
      const response = await admin.post(REVIEWS, review);
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: 'items.1.groupId', code: 'MACHINE_GROUP_NOT_FOUND' }),
        expect.objectContaining({ field: 'items.2.groupId', code: 'MACHINE_GROUP_NOT_FOUND' }),
      ]);
      expect((await admin.get(`${REVIEWS}/${review.id}`)).status).toBe(404);
    });

    it('refuses a grant listed twice (422 on items.<i>.grantId)', async () => {
      const response = await admin.post(REVIEWS, newReview([withApproval, withoutApproval, withApproval]));
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'items.2.grantId', code: 'GRANT_ID_DUPLICATE' })]);
    });

    it('refuses an item whose grant the portal never had (422 GRANT_NOT_FOUND on items.<i>.grantId), and records nothing', async () => {
      const invented = { ...withApproval, grantId: `${maskinerId}:org-does-not-exist`, groupId: maskinerId, vendorId: 'org-does-not-exist', vendorName: 'Innocent Vendor AS' };
      const mislabelled = { ...withApproval, grantId: 'does-not:exist', vendorName: 'Innocent Vendor AS' };
      const neverGranted = { ...withApproval, grantId: `${maskinerId}:${BAERUM}`, groupId: maskinerId, vendorId: BAERUM };
      const review = newReview([withApproval, invented, mislabelled, neverGranted]);
      const response = await admin.post(REVIEWS, review);
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: 'items.1.grantId', code: 'GRANT_NOT_FOUND' }),
        expect.objectContaining({ field: 'items.2.grantId', code: 'GRANT_NOT_FOUND' }),
        expect.objectContaining({ field: 'items.3.grantId', code: 'GRANT_NOT_FOUND' }),
      ]);
      // The exact item: not on one of the organisation's groups at all.
      const exact = await admin.post(REVIEWS, newReview([{ ...withApproval, grantId: 'does-not:exist', groupId: 'does-not', vendorId: 'exist', vendorName: 'Innocent Vendor AS' }]));
      expect(exact.body.errors).toEqual([expect.objectContaining({ field: 'items.0.groupId', code: 'MACHINE_GROUP_NOT_FOUND' })]);
      expect((await admin.get(`${REVIEWS}/${review.id}`)).status).toBe(404);
    });

    it('refuses an item that contradicts the portal\'s grant (422 ITEM_CONTRADICTS_GRANT on that field): no keeping without approval unjustified', async () => {
      const declaredWithApproval = newReview([{ ...withoutApproval, mode: 'with_approval' }]);
      const response = await admin.post(REVIEWS, declaredWithApproval);
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: 'items.0.mode', code: 'ITEM_CONTRADICTS_GRANT', message: 'The portal\'s record of this grant says "without_approval"' }),
      ]);
      expect((await admin.get(`${REVIEWS}/${declaredWithApproval.id}`)).status).toBe(404);
      // So the keep without a justification the issue saw has nothing to attach to.
      const keep = await admin.post(`${REVIEWS}/${declaredWithApproval.id}/decisions`, { decisions: [decision(withoutApproval.grantId, 'keep')] });
      expect(keep.status).toBe(404);

      for (const [item, field, code] of [
        [{ ...withApproval, vendorName: 'Innocent Vendor AS' }, 'vendorName', 'ITEM_CONTRADICTS_GRANT'],
        [{ ...withApproval, groupFullName: 'NorskHelsenetttest-Noe annet' }, 'groupFullName', 'ITEM_CONTRADICTS_GRANT'],
        [{ ...withApproval, grantedBy: 'someone.else' }, 'grantedBy', 'ITEM_CONTRADICTS_GRANT'],
        [{ ...withApproval, expiresAt: '2030-01-01T00:00:00.000Z' }, 'expiresAt', 'ITEM_CONTRADICTS_GRANT'],
        [{ ...withApproval, grantedAt: '2026-01-01T00:00:00.000Z' }, 'grantedAt', 'GRANT_VERSION_NOT_FOUND'],
      ] as const) {
        const refused = await admin.post(REVIEWS, newReview([item]));
        expect(refused.status).toBe(422);
        expect(refused.body.errors).toEqual([expect.objectContaining({ field: `items.0.${field}`, code })]);
      }
    });

    it('accepts an item for a grant that has since changed or gone, as the portal recorded it then (a review started offline)', async () => {
      const kontor = (await admin.post(GROUPS, { name: 'Kontor' })).body;
      const given = itemOf((await admin.put(`${GROUPS}/${kontor.id}/grants/${OSTFOLD}`, { mode: 'with_approval' })).body, kontor.fullName);
      portal.clock.advance(1_000);
      const changed = itemOf((await admin.put(`${GROUPS}/${kontor.id}/grants/${OSTFOLD}`, { mode: 'without_approval' })).body, kontor.fullName);
      portal.clock.advance(1_000);
      const gone = itemOf((await admin.put(`${GROUPS}/${kontor.id}/grants/${BAERUM}`, { mode: 'without_approval' })).body, kontor.fullName);
      expect((await admin.delete(`${GROUPS}/${kontor.id}/grants/${BAERUM}`)).status).toBe(204);

      // The app's cache still held the first version of one grant and the removed other when it started offline.
      const offline = newReview([given, gone], { name: 'Startet uten nett' });
      const created = await admin.post(REVIEWS, offline);
      expect(created.status).toBe(201);
      expect((await admin.get(`${REVIEWS}/${offline.id}`)).body.items).toEqual([given, gone]);
      // What the reviewer saw is what counts: keeping the version given with approval needs no justification,
      // keeping the removed one (without approval) still does.
      expect((await admin.post(`${REVIEWS}/${offline.id}/decisions`, { decisions: [decision(given.grantId, 'keep')] })).body.recorded).toBe(1);
      const unjustified = await admin.post(`${REVIEWS}/${offline.id}/decisions`, { decisions: [decision(gone.grantId, 'keep')] });
      expect(unjustified.body.errors).toEqual([expect.objectContaining({ field: 'decisions.0.justification', code: 'JUSTIFICATION_REQUIRED' })]);

      // A change of mode keeps when access was first given, so the grant as it is now and as it was
      // given differ in the mode alone. A version the portal never had is still refused: this grant never had an expiry.
      expect([changed.grantedAt, changed.mode]).toEqual([given.grantedAt, 'without_approval']);
      expect((await admin.post(REVIEWS, newReview([{ ...changed, expiresAt: '2099-01-01T00:00:00.000Z' }]))).body.errors).toEqual([
        expect.objectContaining({ field: 'items.0.expiresAt', code: 'ITEM_CONTRADICTS_GRANT' }),
      ]);
      expect((await admin.post(REVIEWS, newReview([{ ...gone, mode: 'with_approval' }]))).body.errors).toEqual([
        expect.objectContaining({ field: 'items.0.mode', code: 'ITEM_CONTRADICTS_GRANT' }),
      ]);
    });

    it('bounds startedAt by the portal\'s clock: not ahead of it, nor more than a day before the grants it holds', async () => {
      const now = portal.clock.now().getTime();
      for (const [startedAt, code] of [
        ['9999-12-31T23:59:59.999Z', 'STARTED_AT_IN_FUTURE'],
        [new Date(now + 6 * 60_000).toISOString(), 'STARTED_AT_IN_FUTURE'],
        ['1970-01-01T00:00:00.000Z', 'STARTED_AT_BEFORE_GRANTS'],
      ] as const) {
        const review = newReview([withApproval], { startedAt });
        const response = await admin.post(REVIEWS, review);
        expect(response.status).toBe(422);
        expect(response.body.errors).toEqual([expect.objectContaining({ field: 'startedAt', code })]);
        expect((await admin.get(`${REVIEWS}/${review.id}`)).status).toBe(404);
      }
      expect((await admin.post(REVIEWS, newReview([withApproval], { startedAt: new Date(now + 4 * 60_000).toISOString() }))).status).toBe(201);
    });

    it('refuses bodies that do not match the schema with 400 VALIDATION_FAILED, e.g. a startedBy of the client\'s choosing', async () => {
      const startedBy = await admin.post(REVIEWS, newReview([], { startedBy: 'someone.else' }));
      expect(startedBy.status).toBe(400);
      expect(startedBy.body.errors).toEqual([expect.objectContaining({ field: 'startedBy', code: 'ADDITIONALPROPERTIES' })]);
      expect((await admin.post(REVIEWS, newReview([], { id: 'not-a-uuid' }))).body.errors[0].field).toBe('id');
      expect((await admin.post(REVIEWS, newReview([], { dueDate: '2026-02-30' }))).body.errors[0].field).toBe('dueDate');
      expect((await admin.post(REVIEWS, newReview([], { name: 'x'.repeat(101) }))).status).toBe(400);
      const badItem = await admin.post(REVIEWS, newReview([{ ...withApproval, mode: 'sometimes' } as unknown as Item]));
      expect(badItem.status).toBe(400);
      expect(badItem.body.errors[0].field).toBe('items.0.mode');
    });
  });

  describe('size limits', () => {
    let grants: Item[];

    beforeAll(async () => {
      const maskiner = (await admin.get(`${GROUPS}/${maskinerId}`)).body;
      const at = portal.clock.now().toISOString();
      grants = addVendorGrants(portal.dbPath, maskinerId, DEMO_ORGANISATION.id, 10_000, at).map((grant) => ({
        grantId: `${maskinerId}:${grant.vendorId}`,
        groupId: maskinerId,
        groupFullName: maskiner.fullName,
        vendorId: grant.vendorId,
        vendorName: grant.vendorName,
        mode: grant.mode,
        grantedAt: grant.grantedAt,
        grantedBy: 'demo.admin',
        expiresAt: grant.expiresAt,
      }));
    });

    it('accepts a review of 10 000 real grants (the route\'s own body limit)', async () => {
      const review = newReview(grants, { name: 'Stor gjennomgang' });
      expect(JSON.stringify(review).length).toBeGreaterThan(256 * 1024);
      const created = await admin.post(REVIEWS, review);
      expect(created.status).toBe(201);
      expect(created.body.itemCount).toBe(10_000);
      expect((await admin.post(REVIEWS, review)).status).toBe(200);
      const detail = await admin.get(`${REVIEWS}/${review.id}`);
      expect(detail.body.items).toHaveLength(10_000);
      expect(detail.body.items[9_999]).toEqual(grants[9_999]);
      // Other routes keep the server-wide limit.
      expect((await admin.post(GROUPS, { name: 'x'.repeat(300 * 1024) })).status).toBe(413);
    });

    it('refuses more than 20 000 items with 422 TOO_MANY_ITEMS on items, before checking any of them', async () => {
      const tooMany = Array.from({ length: 20_001 }, (_, index) => grants[index % grants.length]!);
      const review = newReview(tooMany);
      const response = await admin.post(REVIEWS, review);
      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      // Only the count: the 10 001 duplicates are not even looked at.
      expect(response.body.errors).toEqual([{ field: 'items', code: 'TOO_MANY_ITEMS', message: 'At most 20000 in one request, not 20001' }]);
      expect((await admin.get(`${REVIEWS}/${review.id}`)).status).toBe(404);
    });

    it('refuses a body over the route\'s limit (16 MiB) with 413 problem+json, whatever it holds', async () => {
      const review = newReview([{ ...grants[0]!, vendorName: 'x'.repeat(17 * 1024 * 1024) }]);
      const response = await admin.post(REVIEWS, review);
      expect(response.status).toBe(413);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.body.status).toBe(413);
      expect((await admin.get(`${REVIEWS}/${review.id}`)).status).toBe(404);
    });
  });

  describe('another organisation', () => {
    it('neither sees nor writes the review (404 NOT_FOUND), and may use the same id for its own', async () => {
      const review = newReview([withApproval]);
      expect((await admin.post(REVIEWS, review)).status).toBe(201);
      for (const response of [
        await vendorAdmin.get(`${REVIEWS}/${review.id}`),
        await vendorAdmin.post(`${REVIEWS}/${review.id}/decisions`, { decisions: [decision(withApproval.grantId, 'remove')] }),
        await vendorAdmin.post(`${REVIEWS}/${review.id}/completion`, { completedAt: '2026-03-02T10:00:00.000Z' }),
      ]) {
        expect(response.status).toBe(404);
        expect(response.body.code).toBe('NOT_FOUND');
      }
      expect((await vendorAdmin.get(REVIEWS)).body).toEqual([]);

      const foreignGroup = (await vendorAdmin.get(`${GROUPS}/${FOREIGN_GROUP}`)).body;
      const ownGrant = (await vendorAdmin.put(`${GROUPS}/${FOREIGN_GROUP}/grants/${BAERUM}`, { mode: 'with_approval' })).body;
      const own = { ...review, name: 'Østfolds egen', items: [itemOf(ownGrant, foreignGroup.fullName)] };
      // The demo organisation's snapshot of its own grant is not one of Østfold's grants.
      expect((await vendorAdmin.post(REVIEWS, { ...own, id: randomUUID(), items: [withApproval] })).body.errors).toEqual([
        expect.objectContaining({ field: 'items.0.groupId', code: 'MACHINE_GROUP_NOT_FOUND' }),
      ]);
      const created = await vendorAdmin.post(REVIEWS, own);
      expect(created.status).toBe(201);
      expect(created.body.startedBy).toBe('ostfold.admin');
      expect((await admin.get(`${REVIEWS}/${review.id}`)).body.name).toBe(review.name);
      expect((await auditEvents(vendorAdmin)).filter((event) => event.objectId === review.id).map((event) => event.after['name'])).toEqual(['Østfolds egen']);
    });
  });

  describe('POST /access-reviews/:id/decisions', () => {
    let reviewId: string;
    const decisionsOf = async () => (await admin.get(`${REVIEWS}/${reviewId}`)).body.decisions;
    const decidedEvents = async () => (await auditEvents()).filter((event) => event.action === 'access_review.decided' && event.after['reviewId'] === reviewId);

    beforeAll(async () => {
      const review = newReview([withApproval, withoutApproval], { name: 'Beslutninger' });
      reviewId = review.id;
      expect((await admin.post(REVIEWS, review)).status).toBe(201);
    });

    it('records decisions (keep with approval needs no justification), and skips replays as alreadyRecorded', async () => {
      const keep = decision(withApproval.grantId, 'keep');
      const remove = decision(withoutApproval.grantId, 'remove', '   ');
      const first = await admin.post(`${REVIEWS}/${reviewId}/decisions`, { decisions: [keep, remove] });
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ recorded: 2, alreadyRecorded: 0 });

      const recordedAt = portal.clock.now().toISOString();
      expect(await decisionsOf()).toEqual([
        { ...keep, decidedBy: 'demo.admin', recordedAt },
        { ...remove, justification: null, decidedBy: 'demo.admin', recordedAt },
      ]);
      expect(await decidedEvents()).toEqual([
        expect.objectContaining({ objectType: 'grant', objectId: withApproval.grantId, after: { reviewId, reviewName: 'Beslutninger', decision: 'keep', justification: null, decidedAt: keep.decidedAt } }),
        expect.objectContaining({ objectType: 'grant', objectId: withoutApproval.grantId, after: expect.objectContaining({ decision: 'remove', justification: null }) }),
      ]);

      portal.clock.advance(1_000);
      const replay = await admin.post(`${REVIEWS}/${reviewId}/decisions`, { decisions: [remove, { ...keep, decidedAt: '2026-03-02T10:02:00+01:00' }] });
      expect(replay.body).toEqual({ recorded: 0, alreadyRecorded: 2 });
      const changedMind = decision(withApproval.grantId, 'remove', 'Ikke i bruk lenger');
      const mixed = await admin.post(`${REVIEWS}/${reviewId}/decisions`, { decisions: [keep, changedMind, changedMind] });
      expect(mixed.body).toEqual({ recorded: 1, alreadyRecorded: 2 });

      const records = await decisionsOf();
      expect(records.map((record: { id: string }) => record.id)).toEqual([keep.id, remove.id, changedMind.id]);
      expect(records[2].recordedAt).toBe(portal.clock.now().toISOString());
      expect(await decidedEvents()).toHaveLength(3);
      expect((await admin.get(`${REVIEWS}/${reviewId}`)).body.decisionCount).toBe(3);
    });

    it('answers 409 ACCESS_REVIEW_CONFLICT for a record id with other content, and records nothing of that request', async () => {
      const original = decision(withApproval.grantId, 'keep');
      expect((await admin.post(`${REVIEWS}/${reviewId}/decisions`, { decisions: [original] })).body.recorded).toBe(1);
      const before = (await decisionsOf()).length;
      const innocent = decision(withoutApproval.grantId, 'remove');
      for (const changed of [{ ...original, decision: 'remove' }, { ...original, justification: 'Nå med begrunnelse' }, { ...original, decidedAt: '2026-03-04T10:00:00.000Z' }]) {
        const response = await admin.post(`${REVIEWS}/${reviewId}/decisions`, { decisions: [innocent, changed] });
        expect(response.status).toBe(409);
        expect(response.body.code).toBe('ACCESS_REVIEW_CONFLICT');
        expect(response.body.errors).toEqual([expect.objectContaining({ field: 'decisions.1.id' })]);
      }
      expect(await decisionsOf()).toHaveLength(before);
      expect(await decidedEvents()).toHaveLength(before);
    });

    it('refuses a grant that is not one of the review\'s items (422 on decisions.<i>.grantId), all or nothing', async () => {
      const before = (await decisionsOf()).length;
      const response = await admin.post(`${REVIEWS}/${reviewId}/decisions`, {
        decisions: [decision(withApproval.grantId, 'remove'), decision(`${maskinerId}:${OSTFOLD}`, 'remove')],
      });
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'decisions.1.grantId', code: 'GRANT_NOT_IN_REVIEW' })]);
      expect(await decisionsOf()).toHaveLength(before);
    });

    it('requires a justification to keep access without approval (422 on decisions.<i>.justification), stored trimmed', async () => {
      for (const justification of [null, '', '  \n\t ']) {
        const response = await admin.post(`${REVIEWS}/${reviewId}/decisions`, { decisions: [decision(withoutApproval.grantId, 'keep', justification)] });
        expect(response.status).toBe(422);
        expect(response.body.errors).toEqual([expect.objectContaining({ field: 'decisions.0.justification', code: 'JUSTIFICATION_REQUIRED' })]);
      }
      const absent = { ...decision(withoutApproval.grantId, 'keep'), justification: undefined };
      expect((await admin.post(`${REVIEWS}/${reviewId}/decisions`, { decisions: [absent] })).status).toBe(422);

      const justified = decision(withoutApproval.grantId, 'keep', '  Vaktordning for journalsystemet  ');
      expect((await admin.post(`${REVIEWS}/${reviewId}/decisions`, { decisions: [justified] })).body).toEqual({ recorded: 1, alreadyRecorded: 0 });
      expect((await decisionsOf()).at(-1)).toMatchObject({ id: justified.id, justification: 'Vaktordning for journalsystemet' });
      // A retry with the untrimmed text is the same record.
      expect((await admin.post(`${REVIEWS}/${reviewId}/decisions`, { decisions: [justified] })).body).toEqual({ recorded: 0, alreadyRecorded: 1 });
    });

    it('takes decidedBy from the caller, never from the body (an extra property is 400 VALIDATION_FAILED)', async () => {
      const spoofed = await admin.post(`${REVIEWS}/${reviewId}/decisions`, { decisions: [{ ...decision(withApproval.grantId, 'keep'), decidedBy: 'someone.else' }] });
      expect(spoofed.status).toBe(400);
      expect(spoofed.body.code).toBe('VALIDATION_FAILED');
      expect(spoofed.body.errors).toEqual([expect.objectContaining({ field: 'decisions.0.decidedBy', code: 'ADDITIONALPROPERTIES' })]);

      addPortalAdmin(portal.dbPath, DEMO_ORGANISATION.id, 'second.admin');
      const second = await portal.as('second.admin');
      const record = decision(withApproval.grantId, 'keep');
      expect((await second.post(`${REVIEWS}/${reviewId}/decisions`, { decisions: [record] })).status).toBe(200);
      expect((await decisionsOf()).at(-1)).toMatchObject({ id: record.id, decidedBy: 'second.admin' });
      expect((await decidedEvents()).at(-1)).toMatchObject({ actor: { username: 'second.admin' } });
    });

    it('refuses malformed batches (400): none, a bad decision or a justification over 1 000 characters', async () => {
      expect((await admin.post(`${REVIEWS}/${reviewId}/decisions`, { decisions: [] })).status).toBe(400);
      expect((await admin.post(`${REVIEWS}/${reviewId}/decisions`, { decisions: [{ ...decision(withApproval.grantId, 'keep'), decision: 'maybe' }] })).status).toBe(400);
      expect((await admin.post(`${REVIEWS}/${reviewId}/decisions`, { decisions: [decision(withApproval.grantId, 'keep', 'x'.repeat(1001))] })).status).toBe(400);
    });

    it('accepts a full batch of 1 000 records in one request, and refuses 1 001 with 422 TOO_MANY_ITEMS on decisions', async () => {
      const batch = Array.from({ length: 1_000 }, (_, index) => decision(withApproval.grantId, index % 2 ? 'keep' : 'remove', 'Begrunnelse '.repeat(80)));
      const response = await admin.post(`${REVIEWS}/${reviewId}/decisions`, { decisions: batch });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ recorded: 1_000, alreadyRecorded: 0 });
      const before = (await decisionsOf()).length;
      const tooMany = await admin.post(`${REVIEWS}/${reviewId}/decisions`, { decisions: Array.from({ length: 1_001 }, () => decision(withApproval.grantId, 'keep')) });
      expect(tooMany.status).toBe(422);
      expect(tooMany.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(tooMany.body.code).toBe('VALIDATION_FAILED');
      expect(tooMany.body.errors).toEqual([expect.objectContaining({ field: 'decisions', code: 'TOO_MANY_ITEMS', message: 'At most 1000 in one request, not 1001' })]);
      expect(await decisionsOf()).toHaveLength(before);
    });

    it('refuses a body over the route\'s limit (8 MiB) with 413 problem+json, before reading it', async () => {
      const huge = await admin.post(`${REVIEWS}/${reviewId}/decisions`, { decisions: [decision(withApproval.grantId, 'keep', 'x'.repeat(9 * 1024 * 1024))] });
      expect(huge.status).toBe(413);
      expect(huge.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(huge.body.status).toBe(413);
    });

    it('refuses an invisible justification (422 JUSTIFICATION_INVALID_CHARACTERS), even where none is required', async () => {
      const before = (await decisionsOf()).length;
      for (const [grantId, kind, justification] of [
        [withoutApproval.grantId, 'keep', '\u200b'],
        [withoutApproval.grantId, 'keep', 'ok\u0000'],
        [withoutApproval.grantId, 'keep', 'Vakt\u202eavtale'],
        [withApproval.grantId, 'remove', '\u2066\u2069'],
        [withApproval.grantId, 'remove', 'ok\ud800'],
      ] as const) {
        const response = await admin.post(`${REVIEWS}/${reviewId}/decisions`, { decisions: [decision(grantId, kind, justification)] });
        expect(response.status).toBe(422);
        expect(response.body.errors).toEqual([expect.objectContaining({ field: 'decisions.0.justification', code: 'JUSTIFICATION_INVALID_CHARACTERS' })]);
      }
      expect(await decisionsOf()).toHaveLength(before);
      // Line breaks are text, not tricks: a justification may have several lines.
      const lines = decision(withoutApproval.grantId, 'keep', 'Vaktavtale\nfornyet 2026');
      expect((await admin.post(`${REVIEWS}/${reviewId}/decisions`, { decisions: [lines] })).body.recorded).toBe(1);
    });

    it('bounds decidedAt by the portal\'s clock: far-future and far-past refused; a few minutes ahead taken, and more once the clock has caught up', async () => {
      const before = (await decisionsOf()).length;
      const now = portal.clock.now().getTime();
      const at = (ms: number) => new Date(now + ms).toISOString();
      for (const [decidedAt, code] of [
        ['9999-12-31T23:59:59.999Z', 'DECIDED_AT_IN_FUTURE'],
        [at(6 * 60_000), 'DECIDED_AT_IN_FUTURE'],
        ['1970-01-01T00:00:00.000Z', 'DECIDED_AT_BEFORE_START'],
        // The review started 2026-03-02T08:30Z: more than a day before that is not a decision on it.
        ['2026-03-01T08:29:59.999Z', 'DECIDED_AT_BEFORE_START'],
      ] as const) {
        const response = await admin.post(`${REVIEWS}/${reviewId}/decisions`, { decisions: [decision(withApproval.grantId, 'remove', null, decidedAt)] });
        expect(response.status).toBe(422);
        expect(response.body.errors).toEqual([expect.objectContaining({ field: 'decisions.0.decidedAt', code })]);
      }
      expect(await decisionsOf()).toHaveLength(before);

      const slightlyAhead = decision(withApproval.grantId, 'keep', null, at(4 * 60_000));
      const early = decision(withApproval.grantId, 'keep', null, '2026-03-01T09:00:00.000Z');
      expect((await admin.post(`${REVIEWS}/${reviewId}/decisions`, { decisions: [slightlyAhead, early] })).body.recorded).toBe(2);
      // A client whose clock runs 6 minutes fast is only delayed: the same record is taken a minute later.
      const fast = decision(withApproval.grantId, 'remove', null, at(6 * 60_000));
      expect((await admin.post(`${REVIEWS}/${reviewId}/decisions`, { decisions: [fast] })).status).toBe(422);
      portal.clock.advance(60_000);
      expect((await admin.post(`${REVIEWS}/${reviewId}/decisions`, { decisions: [fast] })).body).toEqual({ recorded: 1, alreadyRecorded: 0 });
    });

    it('answers 404 for an unknown review', async () => {
      const response = await admin.post(`${REVIEWS}/${randomUUID()}/decisions`, { decisions: [decision(withApproval.grantId, 'keep')] });
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('NOT_FOUND');
    });
  });

  describe('POST /access-reviews/:id/completion', () => {
    it('completes once (later completions answer the same summary and record nothing), then takes no new decisions', async () => {
      const review = newReview([withApproval, withoutApproval], { name: 'Fullføres' });
      expect((await admin.post(REVIEWS, review)).status).toBe(201);
      const keep = decision(withApproval.grantId, 'keep');
      await admin.post(`${REVIEWS}/${review.id}/decisions`, { decisions: [keep] });

      for (const [completedAt, code] of [['9999-12-31T00:00:00.000Z', 'COMPLETED_AT_IN_FUTURE'], ['1970-01-01T00:00:00.000Z', 'COMPLETED_AT_BEFORE_START']]) {
        const refused = await admin.post(`${REVIEWS}/${review.id}/completion`, { completedAt });
        expect(refused.status).toBe(422);
        expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'completedAt', code })]);
      }
      const completed = await admin.post(`${REVIEWS}/${review.id}/completion`, { completedAt: '2026-03-02T10:02:00+01:00' });
      expect(completed.status).toBe(200);
      expect(completed.body).toMatchObject({ id: review.id, completedAt: '2026-03-02T09:02:00.000Z', decisionCount: 1 });
      const again = await admin.post(`${REVIEWS}/${review.id}/completion`, { completedAt: '2026-03-06T12:00:00.000Z' });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(completed.body);
      const events = (await auditEvents()).filter((event) => event.objectId === review.id);
      expect(events.map((event) => event.action)).toEqual(['access_review.started', 'access_review.completed']);
      expect(events[1]!.after).toEqual({ completedAt: '2026-03-02T09:02:00.000Z', decisionCount: 1 });

      const late = await admin.post(`${REVIEWS}/${review.id}/decisions`, { decisions: [keep, decision(withoutApproval.grantId, 'remove')] });
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('ACCESS_REVIEW_COMPLETED');
      // A pure retry of what was recorded before completion still gets its answer.
      expect((await admin.post(`${REVIEWS}/${review.id}/decisions`, { decisions: [keep] })).body).toEqual({ recorded: 0, alreadyRecorded: 1 });
      expect((await admin.get(`${REVIEWS}/${review.id}`)).body.decisions).toHaveLength(1);
    });

    it('answers 404 for an unknown review and 400 without completedAt', async () => {
      expect((await admin.post(`${REVIEWS}/${randomUUID()}/completion`, { completedAt: '2026-03-05T12:00:00.000Z' })).status).toBe(404);
      expect((await admin.post(`${REVIEWS}/${randomUUID()}/completion`, {})).status).toBe(400);
    });
  });

  describe('GET /access-reviews', () => {
    it('lists the organisation\'s reviews newest start first, with an ETag', async () => {
      const older = newReview([], { name: 'Eldst', startedAt: '2020-01-01T00:00:00.000Z' });
      // As far ahead of the portal's clock as a start may be: later than every other review here.
      const newer = newReview([], { name: 'Nyest', startedAt: new Date(portal.clock.now().getTime() + 5 * 60_000).toISOString() });
      await admin.post(REVIEWS, older);
      await admin.post(REVIEWS, newer);
      const response = await admin.get(REVIEWS);
      expect(response.status).toBe(200);
      const startedAt = response.body.map((summary: { startedAt: string }) => summary.startedAt);
      expect(startedAt).toEqual([...startedAt].sort().reverse());
      expect(response.body[0].id).toBe(newer.id);
      expect(response.body.at(-1).id).toBe(older.id);
      const etag = response.headers.get('etag')!;
      expect((await admin.get(REVIEWS, { headers: { 'if-none-match': etag } })).status).toBe(304);
      expect((await admin.get(`${REVIEWS}/${randomUUID()}`)).status).toBe(404);
    });

    it('keeps reviews in STRICT tables owned by the organisation', () => {
      const strict = readDatabase(portal.dbPath, (db) =>
        db.prepare(`SELECT name, strict FROM pragma_table_list WHERE name LIKE 'access_review%' ORDER BY name`).all(),
      );
      expect(strict).toEqual([
        { name: 'access_review_decisions', strict: 1 },
        { name: 'access_review_items', strict: 1 },
        { name: 'access_reviews', strict: 1 },
      ]);
    });
  });
});

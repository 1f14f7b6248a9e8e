import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANISATION } from '../seed/demo-credentials';
import { DEMO_GRANTING_VENDORS, demoVendorId } from '../seed/demo-seed';
import { DEMO_SESSIONS } from '../seed/demo-sessions';
import { addPortalAdmin, readDatabase } from './testing/other-organisation';
import { recordSessions, type RecordedSession } from './testing/recorded-sessions';
import { startTestPortal, type ApiClient, type TestPortal } from './testing/test-portal';

interface Session {
  id: string;
  ownerId: string;
  groupId: string;
  groupName: string;
  vendorId: string | null;
  userId: string | null;
  username: string;
  kind: string;
  consent: string;
  startedAt: string;
  endedAt: string | null;
  version: number;
}

interface Feed {
  changes: Array<{ type: string; id: string; data?: Session }>;
}

const ORG = DEMO_ORGANISATION.id;
/** Large seed: a vendor with a group it granted ORG, and technicians of its own on ORG's groups. */
const VENDOR_001 = 'org-large-vendor-001';
const VENDOR_001_GROUP = 'group-large-vendor-1';
/** Large seed: a vendor with technicians on ORG's groups and no group of its own. */
const VENDOR_002 = 'org-large-vendor-002';
/** Large seed: an organisation with neither sessions on its groups nor technicians with sessions. */
const OUTSIDER = 'org-large-vendor-199';
/** ORG's own technician (a portal user of ORG) on ORG's own group: access outside the portal. */
const OWN_ON_OWN = 5;
const AT_OTHERS = 150;

const byStart = (a: Session, b: Session) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id);
const ids = (sessions: readonly Session[]) => sessions.map((session) => session.id);

/** Every page of `path` with `after`, in pages of `limit`. */
async function allPages(client: ApiClient, path: string, limit: number): Promise<Session[]> {
  const seen: Session[] = [];
  let after: string | undefined;
  for (let page = 0; page < 100; page++) {
    const next = (await client.get(`${path}${path.includes('?') ? '&' : '?'}limit=${limit}${after ? `&after=${after}` : ''}`)).body as Session[];
    seen.push(...next);
    if (next.length < limit) return seen;
    after = next.at(-1)!.id;
  }
  throw new Error(`${path}: more than 100 pages`);
}

/**
 * On top of the large seed (ORG's 600 sessions on its own groups, by its vendors' technicians): ORG's own
 * technicians on the group VENDOR_001 granted it, spread over the same year, and a few on ORG's own group.
 */
function recordOrgTechnicianSessions(dbPath: string): void {
  const { first, last, vendorGroup, ownGroup } = readDatabase(dbPath, (db) => {
    const group = (where: string, value: string) =>
      db.prepare(`SELECT g.id, o.prefix || '-' || g.name AS fullName FROM machine_groups g JOIN organisations o ON o.id = g.organisation_id WHERE ${where} ORDER BY g.id LIMIT 1`).get(value) as { id: string; fullName: string };
    return {
      ...(db.prepare('SELECT MIN(started_at) AS first, MAX(started_at) AS last FROM remote_sessions').get() as { first: string; last: string }),
      vendorGroup: group('g.id = ?', VENDOR_001_GROUP),
      ownGroup: group('g.organisation_id = ?', ORG),
    };
  });
  const span = Date.parse(last) - Date.parse(first);
  const kinds = ['desktop', 'terminal', 'files', 'other'] as const;
  const session = (index: number, count: number, onOwn: boolean): RecordedSession => {
    const startedAt = Date.parse(first) + Math.round(((index + 0.5) / count) * span);
    const n = String((index % 3) + 1).padStart(6, '0');
    return {
      key: `${onOwn ? 'own' : 'at-others'}-${index}`,
      organisationId: onOwn ? ORG : VENDOR_001,
      groupId: onOwn ? ownGroup.id : vendorGroup.id,
      groupName: onOwn ? ownGroup.fullName : vendorGroup.fullName,
      deviceId: `node//${onOwn ? 'own' : 'vendor'}-${index % 2}`,
      deviceName: `PC-${index % 2}`,
      user: { id: `user-large-${n}`, username: `bruker.${n}`, vendorId: ORG, vendorName: DEMO_ORGANISATION.name },
      kind: kinds[index % kinds.length]!,
      consent: onOwn ? 'notNeeded' : 'given',
      startedAt: new Date(startedAt).toISOString(),
      endedAt: new Date(startedAt + 600_000).toISOString(),
    };
  };
  recordSessions(dbPath, [
    ...Array.from({ length: AT_OTHERS }, (_, index) => session(index, AT_OTHERS, false)),
    ...Array.from({ length: OWN_ON_OWN }, (_, index) => session(index, OWN_ON_OWN, true)),
  ]);
}

describe("GET /remote-sessions: the sessions on the organisation's machines and those of its own technicians", () => {
  // The demo seed: the demo organisation's technicians used two groups of two vendors.
  let demo: TestPortal;
  let demoAdmin: ApiClient;
  let vendor01: ApiClient;
  let vendor02: ApiClient;
  let vendor03: ApiClient;
  // large:40 with 600 sessions, and ORG's own technicians on a vendor's group and on its own (above).
  let large: TestPortal;
  let admin: ApiClient;
  let all: Session[];

  beforeAll(async () => {
    demo = await startTestPortal();
    addPortalAdmin(demo.dbPath, demoVendorId(DEMO_GRANTING_VENDORS.withApproval.vendorIndex), 'vendor01.admin');
    addPortalAdmin(demo.dbPath, demoVendorId(DEMO_GRANTING_VENDORS.withoutApproval.vendorIndex), 'vendor02.admin');
    addPortalAdmin(demo.dbPath, demoVendorId(2), 'vendor03.admin');
    demoAdmin = await demo.as();
    vendor01 = await demo.as('vendor01.admin');
    vendor02 = await demo.as('vendor02.admin');
    vendor03 = await demo.as('vendor03.admin');
    large = await startTestPortal({ seed: { large: 40, sessions: 600 } });
    recordOrgTechnicianSessions(large.dbPath);
    for (const [organisationId, username] of [[VENDOR_001, 'vendor001.admin'], [VENDOR_002, 'vendor002.admin'], [OUTSIDER, 'outsider.admin']] as const) {
      addPortalAdmin(large.dbPath, organisationId, username);
    }
    admin = await large.as();
    all = (await admin.get('/api/v1/remote-sessions?limit=1000')).body;
  });
  afterAll(async () => {
    await demo?.close();
    await large?.close();
  });

  it("shows the group's owner the sessions on its groups, the vendor its own technicians' sessions, and a third organisation none", async () => {
    const own = await vendor01.get('/api/v1/remote-sessions');
    expect(own.status).toBe(200);
    const expected = DEMO_SESSIONS.filter((session) => session.grant === 'withApproval');
    expect(own.body).toHaveLength(expected.length);
    for (const session of own.body as Session[]) {
      expect(session).toMatchObject({ ownerId: demoVendorId(0), groupId: DEMO_GRANTING_VENDORS.withApproval.groupId, vendorId: ORG, vendorName: DEMO_ORGANISATION.name });
    }
    expect((own.body as Session[]).map((session) => session.consent).sort()).toEqual(expected.map((session) => session.consent).sort());
    const other = (await vendor02.get('/api/v1/remote-sessions')).body as Session[];
    expect(other).toHaveLength(DEMO_SESSIONS.filter((session) => session.grant === 'withoutApproval').length);
    expect(new Set(other.map((session) => session.groupId))).toEqual(new Set([DEMO_GRANTING_VENDORS.withoutApproval.groupId]));

    // The vendor whose technicians connected sees all of them, on both groups, in start order: the same records.
    const technicians = (await demoAdmin.get('/api/v1/remote-sessions')).body as Session[];
    expect(technicians).toHaveLength(DEMO_SESSIONS.length);
    expect(ids(technicians)).toEqual(ids([...own.body, ...other].sort(byStart)));
    expect(technicians).toEqual([...own.body, ...other].sort(byStart));
    // Nobody else: another vendor of the demo, with neither groups that were used nor technicians who connected.
    expect((await vendor03.get('/api/v1/remote-sessions')).body).toEqual([]);
  });

  it('is in the sync feed of the owner and of the vendor as remoteSession, the same as the list shows, and in no one else\'s', async () => {
    for (const client of [vendor01, demoAdmin]) {
      const feed = (await client.get('/api/v1/sync?since=0&limit=1000')).body as Feed;
      const fromFeed = feed.changes.filter((change) => change.type === 'remoteSession').map((change) => change.data!);
      const listed = (await client.get('/api/v1/remote-sessions')).body as Session[];
      expect(fromFeed.length).toBeGreaterThan(0);
      expect(fromFeed.sort(byStart)).toEqual(listed);
    }
    const outsiderFeed = (await vendor03.get('/api/v1/sync?since=0&limit=1000')).body as Feed;
    expect(outsiderFeed.changes.some((change) => change.type === 'remoteSession')).toBe(false);
  });

  it("gives a vendor exactly its own technicians' sessions on others' groups, and an organisation with none of either nothing", async () => {
    const vendor002 = await allPages(await large.as('vendor002.admin'), '/api/v1/remote-sessions', 1000);
    const theirs = all.filter((session) => session.vendorId === VENDOR_002);
    expect(theirs.length).toBeGreaterThan(0);
    expect(ids(vendor002)).toEqual(ids(theirs));
    for (const session of vendor002) expect(session.ownerId).toBe(ORG);
    const outsider = await large.as('outsider.admin');
    expect((await outsider.get('/api/v1/remote-sessions')).body).toEqual([]);
    const feed = (await outsider.get('/api/v1/sync?since=0&limit=1000')).body as Feed & { hasMore: boolean };
    expect(feed.hasMore).toBe(false);
    expect(feed.changes.some((change) => change.type === 'remoteSession')).toBe(false);
  });

  it('lists the sessions on its groups and those of its technicians elsewhere once each, in start order, and pages across both', async () => {
    const onOwn = all.filter((session) => session.ownerId === ORG);
    const atOthers = all.filter((session) => session.ownerId !== ORG);
    expect(atOthers).toHaveLength(AT_OTHERS);
    for (const session of atOthers) expect(session).toMatchObject({ ownerId: VENDOR_001, groupId: VENDOR_001_GROUP, vendorId: ORG });
    // The large seed's 600, and ORG's own technicians on its own group once, not once per branch.
    expect(onOwn).toHaveLength(600 + OWN_ON_OWN);
    expect(onOwn.filter((session) => session.vendorId === ORG)).toHaveLength(OWN_ON_OWN);
    expect(new Set(ids(all)).size).toBe(all.length);
    expect(ids(all)).toEqual(ids([...all].sort(byStart)));

    // Pages of 70 end now on one branch's session, now on the other's.
    const paged = await allPages(admin, '/api/v1/remote-sessions', 70);
    expect(ids(paged)).toEqual(ids(all));
    expect((await admin.get('/api/v1/remote-sessions')).body).toEqual(all.slice(0, 100));
    // VENDOR_001 owns a group ORG's technicians used, and has technicians on ORG's groups: both, merged.
    const vendor001 = await allPages(await large.as('vendor001.admin'), '/api/v1/remote-sessions', 25);
    expect(ids(vendor001)).toEqual(ids(all.filter((session) => session.ownerId === VENDOR_001 || session.vendorId === VENDOR_001)));
    expect(new Set(vendor001.map((session) => session.ownerId))).toEqual(new Set([ORG, VENDOR_001]));
  });

  it('filters by group, vendor, user, kind and period, alone and together, across both', async () => {
    const first = all.find((session) => session.ownerId === ORG && session.vendorId !== ORG)!;
    const atOthers = all.find((session) => session.ownerId !== ORG)!;
    const cases: Array<[string, (session: Session) => boolean]> = [
      [`groupId=${first.groupId}`, (session) => session.groupId === first.groupId],
      [`groupId=${VENDOR_001_GROUP}`, (session) => session.groupId === VENDOR_001_GROUP],
      [`vendorId=${first.vendorId}`, (session) => session.vendorId === first.vendorId],
      [`vendorId=${ORG}`, (session) => session.vendorId === ORG],
      [`userId=${first.userId}`, (session) => session.userId === first.userId],
      [`userId=${atOthers.userId}`, (session) => session.userId === atOthers.userId],
      ['kind=files', (session) => session.kind === 'files'],
      [`from=${all[100]!.startedAt}`, (session) => session.startedAt >= all[100]!.startedAt],
      [`to=${all[100]!.startedAt}`, (session) => session.startedAt < all[100]!.startedAt],
      [`from=${all[100]!.startedAt}&to=${all[400]!.startedAt}&kind=desktop`, (session) => session.startedAt >= all[100]!.startedAt && session.startedAt < all[400]!.startedAt && session.kind === 'desktop'],
      [`groupId=${first.groupId}&kind=desktop&from=2025-06-01T00:00:00%2B02:00`, (session) => session.groupId === first.groupId && session.kind === 'desktop' && session.startedAt >= '2025-05-31T22:00:00.000Z'],
    ];
    for (const [query, matches] of cases) {
      const filtered = (await admin.get(`/api/v1/remote-sessions?limit=1000&${query}`)).body as Session[];
      const expected = all.filter(matches);
      expect(expected.length, query).toBeGreaterThan(0);
      expect(expected.length, query).toBeLessThan(all.length);
      expect(ids(filtered), query).toEqual(ids(expected));
    }
    // Kind, period and vendor ORG take from both branches; paged, a filter still holds across them.
    for (const query of ['kind=files', `from=${all[100]!.startedAt}&to=${all[400]!.startedAt}&kind=desktop`, `vendorId=${ORG}`]) {
      const expected = all.filter(cases.find(([name]) => name === query)![1]);
      expect(new Set(expected.map((session) => session.ownerId === ORG)), query).toEqual(new Set([true, false]));
      expect(ids(await allPages(admin, `/api/v1/remote-sessions?${query}`, 9)), query).toEqual(ids(expected));
    }
  });

  it('answers an unchanged list with 304 to its ETag', async () => {
    const first = await admin.get('/api/v1/remote-sessions?kind=terminal');
    const again = await admin.get('/api/v1/remote-sessions?kind=terminal', { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('refuses bad parameters with the field and the reason', async () => {
    const refused = async (query: string) => {
      const answer = await admin.get(`/api/v1/remote-sessions?${query}`);
      expect(answer.headers.get('content-type'), query).toMatch(/^application\/problem\+json/);
      return [answer.status, answer.body.errors?.map((error: { field: string; code: string }) => [error.field, error.code])];
    };
    expect(await refused('kind=video')).toEqual([400, [['kind', 'ENUM']]]);
    expect(await refused('from=yesterday')).toEqual([400, [['from', 'FORMAT']]]);
    expect(await refused('to=2026-13-01T00:00:00Z')).toEqual([400, [['to', 'FORMAT']]]);
    expect(await refused('limit=0')).toEqual([400, [['limit', 'MINIMUM']]]);
    expect(await refused('limit=1001')).toEqual([400, [['limit', 'MAXIMUM']]]);
    expect(await refused(`groupId=${'g'.repeat(101)}`)).toEqual([400, [['groupId', 'MAXLENGTH']]]);
    expect(await refused('vendorId=')).toEqual([400, [['vendorId', 'MINLENGTH']]]);
    expect(await refused('sort=startedAt')).toEqual([400, [['sort', 'ADDITIONALPROPERTIES']]]);
    expect(await refused('from=2026-03-02T10:00:00Z&to=2026-03-02T10:00:00Z')).toEqual([422, [['to', 'TO_NOT_AFTER_FROM']]]);
    expect(await refused('after=no-such-session')).toEqual([422, [['after', 'UNKNOWN_SESSION']]]);
    // A session the caller sees only as its technicians' is a cursor; one it does not see at all is not.
    const theirs = ((await vendor01.get('/api/v1/remote-sessions')).body as Session[])[0]!.id;
    expect((await vendor02.get(`/api/v1/remote-sessions?after=${theirs}`)).status).toBe(422);
    expect((await demoAdmin.get(`/api/v1/remote-sessions?after=${theirs}`)).status).toBe(200);
  });

  it('is for portal administrators only', async () => {
    const technician = await large.as('bruker.000001');
    expect((await technician.get('/api/v1/remote-sessions')).status).toBe(403);
    expect((await large.anonymous.get('/api/v1/remote-sessions')).status).toBe(401);
  });
});

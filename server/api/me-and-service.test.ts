import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN, DEMO_ORGANISATION } from '../seed/demo-credentials';
import { startTestPortal, type ApiClient, type TestPortal } from './testing/test-portal';

const SERVICE = '/api/v1/services/remote-support';
const ACTIVATION = `${SERVICE}/activation`;

describe('GET /me and the remote-support service', () => {
  let portal: TestPortal;
  let admin: ApiClient;

  beforeAll(async () => {
    portal = await startTestPortal({ activationDelayMs: 30_000 });
    admin = await portal.as();
  });
  afterAll(() => portal?.close());

  it('answers 401 without a token', async () => {
    const response = await portal.anonymous.get('/api/v1/me');
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('UNAUTHENTICATED');
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('tells who is signed in, with the organisation prefix', async () => {
    const response = await admin.get('/api/v1/me');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      user: { id: DEMO_ADMIN.id, username: DEMO_ADMIN.username, firstName: 'Demo', lastName: 'Administrator', email: DEMO_ADMIN.email },
      organisation: { id: DEMO_ORGANISATION.id, name: 'Norsk Helsenett test', prefix: 'NorskHelsenetttest' },
      roles: ['portal-admin'],
    });
  });

  it('answers /me for a remote-support user too, but refuses it admin routes (403)', async () => {
    const kari = await portal.as('kari.nordmann');
    expect((await kari.get('/api/v1/me')).body.roles).toEqual(['remote-support-user']);
    const refused = await kari.get(SERVICE);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
  });

  it('starts inactive, with the guide\'s terms verbatim and nested', async () => {
    const response = await admin.get(SERVICE);
    expect(response.status).toBe(200);
    const { status, terms, activatedAt, readyAt } = response.body;
    expect({ status, activatedAt, readyAt }).toEqual({ status: 'inactive', activatedAt: null, readyAt: null });
    expect(terms.items).toHaveLength(7);
    expect(terms.items[0].text).toBe(
      'Virksomheten er kjent med "Norm for informasjonssikkerhet helse- og omsorgstjenesten" (Normen), og faktaark 36 (Fjernaksess mellom leverandør og virksomhet) gjelder for tilgang til og bruk av fjernhjelp-tjenesten.',
    );
    const network = terms.items[2];
    expect(network.items.map((item: { text: string }) => item.text)).toEqual([
      'Port 53 (DNS)',
      'Lokale IP-adresser',
      'Hjelp.nhn.no (91.186.66.22), port 443(TCP) og 8041(TCP)',
      'Virksomheter kan foreslå alternative tekniske løsninger som dekker kravet om å være logisk adskilt fra internett. Disse løsningene må godkjennes av Norsk Helsenett før de kan benyttes.',
    ]);
    expect(network.items[1].items.map((item: { text: string }) => item.text)).toEqual([
      '10.0.0.0 - 10.255.255.255 (10/8 prefix)',
      '172.16.0.0 - 172.31.255.255 (172.16/12 prefix)',
      '192.168.0.0 - 192.168.255.255 (192.168/16 prefix)',
    ]);
    expect(terms.items[6].text).toBe('Helse- og personopplysninger skal ikke deles i tjenesten sin chattefunksjon.');
    expect(terms.acceptanceStatement).toBe('Jeg aksepterer bruksvilkårene for fjernhjelp-tjenesten');
  });

  it('sends an ETag and answers 304 to If-None-Match', async () => {
    const first = await admin.get(SERVICE);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/".+"$/);
    const second = await admin.get(SERVICE, { headers: { 'if-none-match': etag } });
    expect(second.status).toBe(304);
    expect(second.body).toBeUndefined();
  });

  it('answers 409 SERVICE_NOT_ACTIVE on the service\'s resources before activation', async () => {
    for (const path of ['/api/v1/machine-groups', '/api/v1/users', '/api/v1/vendors', '/api/v1/accessible-machine-groups', '/api/v1/portal-admins']) {
      const response = await admin.get(path);
      expect(response.status, path).toBe(409);
      expect(response.body.code).toBe('SERVICE_NOT_ACTIVE');
    }
    const create = await admin.post('/api/v1/machine-groups', { name: 'Servere' });
    expect(create.body.code).toBe('SERVICE_NOT_ACTIVE');
  });

  it('refuses activation without accepting the terms, or with other terms (422), and a bad body (400)', async () => {
    const { version } = (await admin.get(SERVICE)).body.terms;
    const notAccepted = await admin.post(ACTIVATION, { acceptTerms: false, termsVersion: version });
    expect(notAccepted.status).toBe(422);
    expect(notAccepted.body.code).toBe('TERMS_NOT_ACCEPTED');
    expect(notAccepted.body.errors).toEqual([expect.objectContaining({ field: 'acceptTerms' })]);

    const mismatch = await admin.post(ACTIVATION, { acceptTerms: true, termsVersion: 'old-terms' });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.code).toBe('TERMS_VERSION_MISMATCH');

    const invalid = await admin.post(ACTIVATION, { acceptTerms: 'yes', termsVersion: version, extra: 1 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('VALIDATION_FAILED');
    expect(invalid.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['acceptTerms', 'extra']);
  });

  it('activates: 202 activating, still not active meanwhile, active after the delay with "Maskiner"; then 409 ALREADY_ACTIVE', async () => {
    const { version } = (await admin.get(SERVICE)).body.terms;
    const started = await admin.post(ACTIVATION, { acceptTerms: true, termsVersion: version });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({
      status: 'activating',
      acceptedTermsVersion: version,
      activatedAt: '2026-03-02T09:00:00.000Z',
      readyAt: '2026-03-02T09:00:30.000Z',
    });

    const again = await admin.post(ACTIVATION, { acceptTerms: true, termsVersion: version });
    expect(again.status).toBe(202);
    expect(again.body.status).toBe('activating');
    expect((await admin.get('/api/v1/machine-groups')).body.code).toBe('SERVICE_NOT_ACTIVE');

    portal.clock.advance(29_999);
    expect((await admin.get(SERVICE)).body.status).toBe('activating');
    portal.clock.advance(1);
    expect((await admin.get(SERVICE)).body.status).toBe('active');

    const groups = await admin.get('/api/v1/machine-groups');
    expect(groups.status).toBe(200);
    expect(groups.body).toEqual([
      expect.objectContaining({ name: 'Maskiner', fullName: 'NorskHelsenetttest-Maskiner', syncState: 'ready', createdBy: DEMO_ADMIN.username }),
    ]);

    const already = await admin.post(ACTIVATION, { acceptTerms: true, termsVersion: version });
    expect(already.status).toBe(409);
    expect(already.body.code).toBe('ALREADY_ACTIVE');

    const audit = (await admin.get('/api/v1/audit-events')).body.map((event: { action: string }) => event.action);
    expect(audit).toEqual(expect.arrayContaining(['service.activation_requested', 'machineGroup.created', 'service.activated', 'machineGroup.ready']));
  });
});

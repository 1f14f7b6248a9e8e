import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortalServer, type RunningPortalServer } from '../../server/start';

/**
 * The app's API types are generated from the OpenAPI document checked in beside them. This fails
 * when the reference portal's served document or the generated types drift from that copy: run
 * `npm run api:types` and commit the result.
 */
describe('the checked-in OpenAPI document and generated types match the portal', () => {
  let dir: string;
  let server: RunningPortalServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'openapi-drift-'));
    server = await startPortalServer({ port: 0, dbPath: join(dir, 'portal.db'), seed: 'empty' });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves exactly the checked-in document', async () => {
    const served = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as unknown;
    const checkedIn = JSON.parse(readFileSync(join(import.meta.dirname, 'openapi.json'), 'utf8')) as unknown;
    expect(served).toEqual(checkedIn);
  });

  it('has generated types that openapi-typescript produces from it', async () => {
    const document = readFileSync(join(import.meta.dirname, 'openapi.json'), 'utf8');
    const generated = readFileSync(join(import.meta.dirname, 'portal-api.generated.ts'), 'utf8');
    const expected = astToString(await openapiTS(document, { exportType: true }));
    expect(generated.endsWith(expected)).toBe(true);
  });
});

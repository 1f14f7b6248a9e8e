import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lintOpenApiDocument, rulesOffWithoutReason } from './openapi-lint';

const root = resolve(import.meta.dirname, '..');
const DOCUMENT = join(root, 'common/portal/openapi.json');
const CONFIG = join(root, 'redocly.yaml');

describe('the OpenAPI lint (Redocly\'s recommended rules, as a library, offline)', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  /** A copy of the checked-in document, changed by `edit`, beside a copy of the project's redocly.yaml. */
  function variant(edit: (document: Record<string, any>) => void, config = readFileSync(CONFIG, 'utf8')): { document: string; config: string } { // eslint-disable-line @typescript-eslint/no-explicit-any
    dir = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
    const document = JSON.parse(readFileSync(DOCUMENT, 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    edit(document);
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify(document));
    writeFileSync(join(dir, 'redocly.yaml'), config);
    return { document: join(dir, 'openapi.json'), config: join(dir, 'redocly.yaml') };
  }

  it('finds nothing in the checked-in document with the project\'s redocly.yaml', async () => {
    const result = await lintOpenApiDocument(DOCUMENT, CONFIG);
    expect(result.problems.map((problem) => `${problem.ruleId}: ${problem.message}`)).toEqual([]);
    expect(result.refusals).toEqual([]);
  });

  it('reports what the recommended rules catch: no servers (an error), an operation without operationId, no licence', async () => {
    const files = variant((document) => {
      delete document['servers'];
      delete document['info'].license;
      delete document['paths']['/api/v1/me'].get.operationId;
    });
    const { problems } = await lintOpenApiDocument(files.document, files.config);
    expect(problems.map((problem) => `${problem.severity} ${problem.ruleId}`).sort()).toEqual(['error no-empty-servers', 'warn info-license', 'warn operation-operationId']);
  });

  it('fetches nothing: a remote $ref is refused before any connection, and reported', async () => {
    const files = variant((document) => {
      document['components'].schemas.Remote = { $ref: 'https://schemas.invalid/remote.json' };
    });
    const { problems, blockedFetches } = await lintOpenApiDocument(files.document, files.config);
    expect(blockedFetches).toEqual(['https://schemas.invalid/remote.json']);
    expect(problems.map((problem) => problem.ruleId)).toContain('no-unresolved-refs');
  });

  it('refuses a rule switched off without a reason, an ignore file, and plugins', async () => {
    const files = variant(() => undefined, 'extends:\n  - recommended\nrules:\n  info-license: off\nplugins:\n  - ./plugin.js\n');
    copyFileSync(files.config, join(dir!, '.redocly.lint-ignore.yaml'));
    const { refusals } = await lintOpenApiDocument(files.document, files.config);
    expect(refusals).toEqual([
      expect.stringContaining('.redocly.lint-ignore.yaml is not used here'),
      'redocly.yaml loads plugins: not allowed here',
      'redocly.yaml switches info-license off without a reason: write it in a comment just above',
    ]);
  });
});

describe('rulesOffWithoutReason', () => {
  it('accepts a rule switched off under a comment that gives the reason, in either form', () => {
    const config = [
      'extends:',
      '  - recommended',
      'rules:',
      '  # Tags are grouped by resource, not sorted: the order is the guide\'s.',
      '  tags-alphabetical: off',
      '  operation-summary: error',
      '  # The portal documents its own media types.',
      '  no-invalid-media-type-examples:',
      '    severity: off',
    ].join('\n');
    expect(rulesOffWithoutReason(config)).toEqual([]);
  });

  it('names each rule switched off with no comment just above it', () => {
    const config = ['rules:', '  # A reason for the first only.', '  tags-alphabetical: off', '', '  info-license: off', '  no-unused-components:', '    severity: off'].join('\n');
    expect(rulesOffWithoutReason(config)).toEqual(['info-license', 'no-unused-components']);
  });
});

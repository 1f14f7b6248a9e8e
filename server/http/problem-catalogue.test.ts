import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { errorCodes, type FastifyError, type FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { checkMachineGroupName } from '../../common/validation/machine-group-name';
import { problems } from '../openapi/problem-responses';
import { frameworkProblem } from './framework-problems';
import { catalogueExample, problemCatalogue } from './problem-catalogue';

const root = resolve(import.meta.dirname, '../..');

/** The server's own code: every .ts under server/ except tests and their helpers. */
function serverSources(dir = join(root, 'server')): Array<{ file: string; text: string }> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : serverSources(path);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) return [];
    return [{ file: relative(root, path), text: readFileSync(path, 'utf8') }];
  });
}

/** A status and a code side by side, as `new Problem(409, 'NAME_TAKEN', ...)` and the framework's `invalid(414, 'URI_TOO_LONG', ...)` write them. */
const LITERAL = /\b([45]\d\d)\s*,\s*'([A-Z][A-Z0-9_]*)'/g;
/** Any `new Problem(status, code, ...)`: the literal ones are read by LITERAL; the others must be listed below. */
const CONSTRUCTION = /new Problem\(\s*([^,]+?)\s*,\s*([^,]+?)\s*,/g;

/**
 * The `new Problem` calls whose status or code is not written as a literal, each with the codes it
 * can make, found by calling the code that chooses them where that is possible.
 */
const DYNAMIC: Array<{ file: string; call: string; answers: () => Array<[number, string]> }> = [
  // The helper the framework mappings call; its callers pass literals, which LITERAL reads.
  { file: 'server/http/framework-problems.ts', call: 'new Problem(status, code', answers: () => [] },
  {
    // Fastify's client errors without a mapping keep their status under its name: every one Fastify has is checked below.
    file: 'server/http/framework-problems.ts',
    call: 'new Problem(status, name',
    answers: () => fastifyClientErrors().map(({ status, code }) => [status, code]),
  },
  {
    file: 'server/domain/machine-group-repository.ts',
    call: 'new Problem(422, checked.code',
    answers: () =>
      ['', 'a/b', 'x'.repeat(100)].map((name) => {
        const checked = checkMachineGroupName(name, 'NorskHelsenetttest');
        if (checked.ok) throw new Error(`"${name}" was accepted`);
        return [422, checked.code];
      }),
  },
  {
    // refuseSelf's `code` parameter: its type lists both.
    file: 'server/domain/user-lifecycle.ts',
    call: 'new Problem(409, code',
    answers: () => [
      [409, 'CANNOT_DEACTIVATE_SELF'],
      [409, 'CANNOT_DELETE_SELF'],
    ],
  },
];

const quietRequest = { log: { warn: () => undefined }, headers: {}, routeOptions: { bodyLimit: 262_144 } } as unknown as FastifyRequest;

/** What every 4xx error the installed Fastify defines becomes when the portal answers it. */
function fastifyClientErrors(): Array<{ fastify: string; status: number; code: string }> {
  return Object.entries(errorCodes).flatMap(([fastify, ErrorClass]) => {
    const error = new (ErrorClass as new () => FastifyError)();
    if (!error.statusCode || error.statusCode < 400 || error.statusCode >= 500) return [];
    const problem = frameworkProblem(error, quietRequest, error.statusCode);
    return [{ fastify, status: problem.status, code: problem.code }];
  });
}

describe('the problem catalogue', () => {
  const sources = serverSources();

  it('holds every code thrown in server/, with the status it is thrown with', () => {
    const thrown = sources.flatMap(({ file, text }) => [...text.matchAll(LITERAL)].map((match) => ({ file, status: Number(match[1]), code: match[2]! })));
    expect(thrown.length).toBeGreaterThan(30);
    for (const { file, status, code } of thrown) expect(catalogueExample(code, status), `${file}: ${status} ${code}`).toBeDefined();
  });

  it('knows each `new Problem` whose status or code is not a literal, and holds what each can answer', () => {
    const dynamic = sources.flatMap(({ file, text }) =>
      [...text.matchAll(CONSTRUCTION)]
        .filter((match) => !/^\d{3}$/.test(match[1]!) || !/^'[A-Z][A-Z0-9_]*'$/.test(match[2]!))
        .map((match) => `${file}: new Problem(${match[1]}, ${match[2]}`),
    );
    expect(dynamic.sort()).toEqual(DYNAMIC.map(({ file, call }) => `${file}: ${call}`).sort());
    for (const { file, call, answers } of DYNAMIC) {
      for (const [status, code] of answers()) expect(catalogueExample(code, status), `${file} ${call}: ${status} ${code}`).toBeDefined();
    }
  });

  it('maps every client error Fastify defines to a catalogued problem, never an FST_ code', () => {
    const errors = fastifyClientErrors();
    expect(errors.map(({ fastify }) => fastify)).toContain('FST_ERR_CTP_BODY_TOO_LARGE');
    for (const { fastify, status, code } of errors) {
      expect(code, fastify).not.toMatch(/^FST_/);
      expect(catalogueExample(code, status), `${fastify}: ${status} ${code}`).toBeDefined();
    }
  });

  it('holds no code that nothing answers', () => {
    const answered = new Set([
      ...sources.flatMap(({ text }) => [...text.matchAll(LITERAL)].map((match) => `${match[1]} ${match[2]}`)),
      ...DYNAMIC.flatMap(({ answers }) => answers().map(([status, code]) => `${status} ${code}`)),
    ]);
    const catalogued = Object.entries(problemCatalogue).flatMap(([code, byStatus]) => Object.keys(byStatus).map((status) => `${status} ${code}`));
    expect(catalogued.filter((entry) => !answered.has(entry))).toEqual([]);
  });
});

describe('problems(): the problems an operation documents', () => {
  it('groups the codes by status, one example per code with its catalogue summary', () => {
    const responses = problems('SERVICE_NOT_ACTIVE', 'NAME_TAKEN', { code: 'NOT_FOUND', title: 'User not found' });
    expect(Object.keys(responses)).toEqual(['404', '409']);
    expect(responses[409]!.description).toBe('Conflict: SERVICE_NOT_ACTIVE, NAME_TAKEN');
    const media = responses[404]!.content['application/problem+json'];
    expect(media.schema).toEqual({ $ref: 'Problem#' });
    expect(media.examples).toEqual({
      NOT_FOUND: {
        summary: problemCatalogue.NOT_FOUND[404].summary,
        value: { type: 'about:blank#NOT_FOUND', title: 'User not found', status: 404, code: 'NOT_FOUND' },
      },
    });
  });

  it('needs the status of a code answered with more than one, and refuses a code listed twice', () => {
    expect(Object.keys(problems({ code: 'VALIDATION_FAILED', status: 422, errors: [{ field: 'email', code: 'EMAIL_INVALID', message: 'x' }] }))).toEqual(['422']);
    // @ts-expect-error VALIDATION_FAILED is 400 or 422: the types ask which
    expect(() => problems('VALIDATION_FAILED')).toThrow(/400 or 422: name the status/);
    // @ts-expect-error NAME_TAKEN is never a 404
    expect(() => problems({ code: 'NAME_TAKEN', status: 404 })).toThrow('NAME_TAKEN is answered with 409, not 404');
    expect(() => problems('NAME_TAKEN', 'NAME_TAKEN')).toThrow(/listed twice/);
  });
});

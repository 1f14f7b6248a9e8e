import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import openapi from '../portal/openapi.json' with { type: 'json' };
import { firstFieldWithIssue, issueOfField, schemaFieldCodes, unplacedIssues, zodFieldIssues } from './field-issues';

const issuesOf = (schema: z.ZodType, input: unknown) => {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('expected a refusal');
  return zodFieldIssues(parsed.error, input);
};

describe('zodFieldIssues: main\'s contract refusals in the portal\'s words', () => {
  const schema = z
    .object({
      name: z.string().min(1).max(80),
      count: z.number().int().min(1).max(10),
      mode: z.enum(['a', 'b']),
      accept: z.literal(true),
      day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      id: z.uuid(),
      tags: z.array(z.string()).min(1).max(2),
      note: z.string().optional(),
    })
    .strict();
  const valid = { name: 'x', count: 1, mode: 'a', accept: true, day: '2026-01-01', id: '0b9f9c6e-4a8f-4d62-9d3c-4c2f3a1b2c3d', tags: ['t'] };

  it.each([
    ['a missing field', { ...valid, name: undefined }, { path: 'name', code: 'REQUIRED' }],
    ['an empty text', { ...valid, name: '' }, { path: 'name', code: 'REQUIRED' }],
    ['a wrong type', { ...valid, name: 5 }, { path: 'name', code: 'TYPE' }],
    ['a null', { ...valid, name: null }, { path: 'name', code: 'TYPE' }],
    ['too long a text', { ...valid, name: 'x'.repeat(81) }, { path: 'name', code: 'MAXLENGTH', limit: 80 }],
    ['too small a number', { ...valid, count: 0 }, { path: 'count', code: 'MINIMUM', limit: 1 }],
    ['too large a number', { ...valid, count: 11 }, { path: 'count', code: 'MAXIMUM', limit: 10 }],
    ['not an enum value', { ...valid, mode: 'c' }, { path: 'mode', code: 'ENUM' }],
    ['not the literal', { ...valid, accept: false }, { path: 'accept', code: 'CONST' }],
    ['a pattern mismatch', { ...valid, day: '1.1.2026' }, { path: 'day', code: 'PATTERN' }],
    ['a format mismatch', { ...valid, id: 'nope' }, { path: 'id', code: 'FORMAT' }],
    ['too few items', { ...valid, tags: [] }, { path: 'tags', code: 'MINITEMS', limit: 1 }],
    ['too many items', { ...valid, tags: ['a', 'b', 'c'] }, { path: 'tags', code: 'MAXITEMS', limit: 2 }],
    ['an item of the wrong type', { ...valid, tags: [1] }, { path: 'tags.0', code: 'TYPE' }],
  ])('%s', (_label, input, expected) => {
    expect(issuesOf(schema, input)).toEqual([{ ...expected, message: expect.any(String) }]);
  });

  it('names each unexpected key at that key', () => {
    expect(issuesOf(schema, { ...valid, extra: 1, more: 2 })).toEqual([
      { path: 'extra', code: 'ADDITIONALPROPERTIES', message: 'extra is not a field of this request' },
      { path: 'more', code: 'ADDITIONALPROPERTIES', message: 'more is not a field of this request' },
    ]);
  });

  it("keeps a refinement's own code, and says INVALID for one without", () => {
    const coded = z.string().superRefine((_value, context) => context.addIssue({ code: 'custom', message: 'no', params: { code: 'URL_NOT_HTTPS' } }));
    expect(issuesOf(z.object({ url: coded }), { url: 'x' })).toEqual([{ path: 'url', code: 'URL_NOT_HTTPS', message: 'no' }]);
    expect(issuesOf(z.object({ url: z.string().refine(() => false, 'no') }), { url: 'x' })).toEqual([{ path: 'url', code: 'INVALID', message: 'no' }]);
  });

  it('says what is wrong with an input that should be none, or the wrong kind of whole', () => {
    expect(issuesOf(z.undefined(), { a: 1 })).toEqual([{ path: '', code: 'TYPE', message: expect.any(String) }]);
    expect(issuesOf(schema, 'text')).toEqual([{ path: '', code: 'TYPE', message: expect.any(String) }]);
    expect(issuesOf(schema, undefined)).toEqual([{ path: '', code: 'REQUIRED', message: expect.any(String) }]);
  });

  it('gives only codes of the shared vocabulary', () => {
    const inputs: unknown[] = [null, 1, 'x', [], {}, { name: [] }, { ...valid, count: 1.5 }, { ...valid, count: Number.NaN }, { ...valid, tags: 'x' }];
    for (const input of inputs) {
      for (const issue of issuesOf(schema, input)) expect(schemaFieldCodes as readonly string[], JSON.stringify(input)).toContain(issue.code);
    }
  });
});

describe("the portal's schema codes", () => {
  it("are the same words: every JSON Schema keyword the portal's API document uses has its code here", () => {
    const keywords = new Set<string>();
    const ajvKeywords = ['type', 'required', 'maxLength', 'minLength', 'pattern', 'format', 'enum', 'const', 'minimum', 'maximum', 'minItems', 'maxItems', 'additionalProperties', 'minProperties'];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (ajvKeywords.includes(key)) keywords.add(key.toUpperCase());
          walk(value);
        }
      }
    };
    walk(openapi.paths);
    expect(keywords.size).toBeGreaterThan(5);
    for (const keyword of keywords) expect(schemaFieldCodes as readonly string[]).toContain(keyword);
  });
});

describe('placing issues at the fields of a form', () => {
  const issues = [
    { path: 'email', code: 'EMAIL_INVALID', message: '' },
    { path: 'grants.0.mode', code: 'ENUM', message: '' },
    { path: 'email', code: 'MAXLENGTH', message: '' },
    { path: 'version', code: 'TYPE', message: '' },
    { path: '', code: 'TYPE', message: '' },
  ];

  it('gives a field its first issue, and a part of a field counts as the field', () => {
    expect(issueOfField(issues, 'email')?.code).toBe('EMAIL_INVALID');
    expect(issueOfField(issues, 'grants')?.code).toBe('ENUM');
    expect(issueOfField(issues, 'grant')).toBeUndefined();
    expect(issueOfField(undefined, 'email')).toBeUndefined();
  });

  it('leaves the issues no field shows to be said under the form', () => {
    expect(unplacedIssues(issues, ['email', 'grants']).map((issue) => issue.path)).toEqual(['version', '']);
    expect(unplacedIssues(undefined, ['email'])).toEqual([]);
  });

  it('finds the first field with an issue in the form\'s order', () => {
    expect(firstFieldWithIssue(issues, ['name', 'grants', 'email'])).toBe('grants');
    expect(firstFieldWithIssue(issues, ['name'])).toBeUndefined();
  });
});

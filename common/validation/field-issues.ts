import type { z } from 'zod';
import type { FieldIssue } from '../result';

/**
 * The field codes a schema check gives, whoever checks: the portal's (Ajv, the JSON Schema keyword in
 * capitals: MAXLENGTH, TYPE, ADDITIONALPROPERTIES, …) and main's contract (zod, translated to the same
 * words by `zodFieldIssues`). The rules' own codes (EMAIL_INVALID, NAME_TAKEN, URL_NOT_HTTPS, …) come on
 * top; the renderer maps every code to a Norwegian and English text, and an unknown one to a text naming
 * the field.
 */
export const schemaFieldCodes = [
  'REQUIRED',
  'TYPE',
  'MAXLENGTH',
  'MINLENGTH',
  'PATTERN',
  'FORMAT',
  'ENUM',
  'CONST',
  'MINIMUM',
  'MAXIMUM',
  'MINITEMS',
  'MAXITEMS',
  'ADDITIONALPROPERTIES',
  'MINPROPERTIES',
  'INVALID',
] as const;

export type SchemaFieldCode = (typeof schemaFieldCodes)[number];

/** The value at `path` in `input`, or undefined when any step of the path is missing. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

const joinPath = (path: readonly PropertyKey[]): string => path.map(String).join('.');

function sizeCode(origin: string, bound: 'max' | 'min'): SchemaFieldCode {
  if (origin === 'string') return bound === 'max' ? 'MAXLENGTH' : 'MINLENGTH';
  if (origin === 'array' || origin === 'set') return bound === 'max' ? 'MAXITEMS' : 'MINITEMS';
  return bound === 'max' ? 'MAXIMUM' : 'MINIMUM';
}

/** A limit that can be shown to a person (zod reports bigints and dates too; those are left out). */
const shownLimit = (limit: unknown): number | undefined => (typeof limit === 'number' && Number.isFinite(limit) ? limit : undefined);

/**
 * A zod failure as field issues in the portal's words. `input` is what was parsed: zod does not say
 * whether a wrongly typed value was there at all, and a missing one is REQUIRED, not TYPE. A refinement
 * names its own code with `params: { code }`; an unrecognised key is one issue per key, at that key.
 */
export function zodFieldIssues(error: z.ZodError, input: unknown): FieldIssue[] {
  return error.issues.flatMap((issue): FieldIssue[] => {
    const path = joinPath(issue.path);
    const at = (code: string, limit?: number): FieldIssue => ({ path, code, message: issue.message, ...(limit === undefined ? {} : { limit }) });
    switch (issue.code) {
      case 'invalid_type':
        return [at(valueAt(input, issue.path) === undefined && issue.expected !== 'undefined' ? 'REQUIRED' : 'TYPE')];
      case 'too_big':
        return [at(sizeCode(issue.origin, 'max'), shownLimit(issue.maximum))];
      case 'too_small': {
        const value = valueAt(input, issue.path);
        if (issue.origin === 'string' && typeof value === 'string' && value.trim() === '') return [at('REQUIRED')];
        return [at(sizeCode(issue.origin, 'min'), shownLimit(issue.minimum))];
      }
      case 'invalid_format':
        return [at(issue.format === 'regex' ? 'PATTERN' : 'FORMAT')];
      case 'invalid_value':
        return [at(issue.values.length === 1 ? 'CONST' : 'ENUM')];
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({ path: joinPath([...issue.path, key]), code: 'ADDITIONALPROPERTIES', message: `${key} is not a field of this request` }));
      case 'custom': {
        const code = (issue.params as { code?: unknown } | undefined)?.code;
        return [at(typeof code === 'string' ? code : 'INVALID')];
      }
      default:
        return [at(issue.code === 'invalid_union' ? 'TYPE' : 'INVALID')];
    }
  });
}

/** Whether an issue at `path` belongs to the form field `field` (itself, or a part of it: "grants.0.mode" to "grants"). */
export function isIssueOfField(path: string, field: string): boolean {
  return path === field || path.startsWith(`${field}.`);
}

/** The first issue for a field; a form shows one reason per field at a time. */
export function issueOfField(issues: readonly FieldIssue[] | undefined, field: string): FieldIssue | undefined {
  return issues?.find((issue) => isIssueOfField(issue.path, field));
}

/** The issues no field of the form shows: said once, under the form, with the field they concern named. */
export function unplacedIssues(issues: readonly FieldIssue[] | undefined, fields: readonly string[]): FieldIssue[] {
  return (issues ?? []).filter((issue) => !fields.some((field) => isIssueOfField(issue.path, field)));
}

/** The first of `fields` (in the form's order) that has an issue: it gets focus. */
export function firstFieldWithIssue<F extends string>(issues: readonly FieldIssue[] | undefined, fields: readonly F[]): F | undefined {
  return fields.find((field) => issueOfField(issues, field) !== undefined);
}

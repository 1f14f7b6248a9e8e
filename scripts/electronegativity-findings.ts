import { z } from 'zod';

/**
 * Judging an Electronegativity run: which findings fail the lint, which are suppressed, and whether
 * the suppression list is still true. Plain data in, plain data out; scripts/electronegativity.ts
 * runs the tool and prints what this returns.
 */

export const SEVERITIES = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Findings of these severities fail the lint unless suppressed; the others are only counted. */
export const FAILING_SEVERITIES: ReadonlySet<Severity> = new Set<Severity>(['HIGH', 'MEDIUM']);

export interface Finding {
  check: string;
  severity: Severity;
  confidence: string;
  /** Path relative to the scanned folder with `/` separators, or `N/A` for an app-wide (global) finding. */
  file: string;
  line: number;
  column: number;
  /** The offending source line, trimmed; empty for global findings. */
  sample: string;
  description: string;
}

/** A file Electronegativity could not parse: it was not checked, so the run cannot count as clean. */
export interface ScanError {
  file: string;
  message: string;
  tolerable: boolean;
}

// The shape of `run()`'s result in @doyensec/electronegativity 1.10.3 (dist/runner.js), only the parts used.
const toolIssueSchema = z.object({
  id: z.string().min(1),
  file: z.string(),
  location: z.object({ line: z.number(), column: z.number() }).optional(),
  sample: z.string().nullish(),
  description: z.string().nullish(),
  severity: z.object({ name: z.enum(SEVERITIES) }),
  confidence: z.object({ name: z.string() }),
});

const toolResultSchema = z.object({
  issues: z.array(toolIssueSchema),
  errors: z.array(z.object({ file: z.string(), message: z.string(), tolerable: z.boolean().optional() })).default([]),
});

/** Reads the tool's result; throws if it is not the shape this version of the tool is known to return. */
export function readToolResult(raw: unknown): { findings: Finding[]; errors: ScanError[] } {
  const parsed = toolResultSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`Unexpected result from electronegativity (was the package upgraded?): ${z.prettifyError(parsed.error)}`);
  }
  return {
    findings: parsed.data.issues.map((issue) => ({
      check: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      file: normalisePath(issue.file),
      line: issue.location?.line ?? 0,
      column: issue.location?.column ?? 0,
      sample: issue.sample ?? '',
      description: issue.description ?? '',
    })),
    errors: parsed.data.errors.map((error) => ({ file: normalisePath(error.file), message: error.message, tolerable: error.tolerable ?? false })),
  };
}

function normalisePath(file: string): string {
  return file.replaceAll('\\', '/');
}

const suppressionSchema = z
  .strictObject({
    /** The check id as the tool reports it, e.g. `CONTEXT_ISOLATION_JS_CHECK`. */
    check: z.string().regex(/^[A-Z0-9_]+$/, 'must be a check id such as CONTEXT_ISOLATION_JS_CHECK'),
    /** The file, relative to the repository root (`N/A` for a global finding); omitted: any file. */
    file: z.string().min(1).optional(),
    /** The 1-based line; only together with `file`. Prefer `snippet`, which survives edits above it. */
    line: z.number().int().positive().optional(),
    /** Text the finding's source line must contain. */
    snippet: z.string().min(1).optional(),
    /** Why this is not a real problem, pointing at the code that makes it safe. */
    reason: z.string().trim().min(1, 'a suppression needs a written reason'),
  })
  .refine((entry) => entry.line === undefined || entry.file !== undefined, { message: '`line` needs `file`', path: ['line'] });

export type Suppression = z.infer<typeof suppressionSchema>;

const suppressionFileSchema = z.strictObject({
  $comment: z.string().optional(),
  suppressions: z.array(z.unknown()),
});

/** Reads the suppression file's JSON; each bad entry is an error of its own, the good ones still apply. */
export function readSuppressions(raw: unknown): { suppressions: Suppression[]; errors: string[] } {
  const file = suppressionFileSchema.safeParse(raw);
  if (!file.success) return { suppressions: [], errors: [`suppression file: ${z.prettifyError(file.error)}`] };
  const suppressions: Suppression[] = [];
  const errors: string[] = [];
  file.data.suppressions.forEach((entry, index) => {
    const parsed = suppressionSchema.safeParse(entry);
    if (parsed.success) suppressions.push(parsed.data);
    else {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'entry'}: ${issue.message}`).join('; ');
      errors.push(`suppressions[${index}]${describeRaw(entry)}: ${problems}`);
    }
  });
  return { suppressions, errors };
}

function describeRaw(entry: unknown): string {
  if (typeof entry !== 'object' || entry === null) return '';
  const { check, file } = entry as { check?: unknown; file?: unknown };
  const parts = [check, file].filter((part): part is string => typeof part === 'string');
  return parts.length > 0 ? ` (${parts.join(' in ')})` : '';
}

export function matches(suppression: Suppression, finding: Finding): boolean {
  if (suppression.check !== finding.check) return false;
  if (suppression.file !== undefined && normalisePath(suppression.file) !== finding.file) return false;
  if (suppression.line !== undefined && suppression.line !== finding.line) return false;
  if (suppression.snippet !== undefined && !finding.sample.includes(suppression.snippet)) return false;
  return true;
}

export interface Verdict {
  ok: boolean;
  /** HIGH/MEDIUM findings no suppression covers. */
  failing: Finding[];
  /** HIGH/MEDIUM findings a suppression covers. */
  suppressed: Finding[];
  /** Suppressions that cover no HIGH/MEDIUM finding any more: remove them. */
  stale: Suppression[];
  suppressionErrors: string[];
  scanErrors: ScanError[];
  /** Every finding by severity, suppressed or not. */
  counts: Record<Severity, number>;
}

export function judge(
  scan: { findings: Finding[]; errors: ScanError[] },
  suppressionFile: { suppressions: Suppression[]; errors: string[] },
): Verdict {
  const counts: Record<Severity, number> = { HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0 };
  const used = new Set<Suppression>();
  const failing: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of scan.findings) {
    counts[finding.severity] += 1;
    if (!FAILING_SEVERITIES.has(finding.severity)) continue;
    const covering = suppressionFile.suppressions.filter((suppression) => matches(suppression, finding));
    covering.forEach((suppression) => used.add(suppression));
    (covering.length > 0 ? suppressed : failing).push(finding);
  }
  const stale = suppressionFile.suppressions.filter((suppression) => !used.has(suppression));
  // A file the tool could not parse went unchecked: that is a failure, not a clean result.
  const scanErrors = scan.errors;
  const ok = failing.length === 0 && stale.length === 0 && suppressionFile.errors.length === 0 && scanErrors.length === 0;
  return { ok, failing, suppressed, stale, suppressionErrors: suppressionFile.errors, scanErrors, counts };
}

export function formatFinding(finding: Finding): string {
  const where = finding.file === 'N/A' ? '(whole app)' : `${finding.file}:${finding.line}:${finding.column}`;
  const head = `${finding.severity} ${finding.confidence} ${finding.check} ${where} ${finding.description}`;
  return finding.sample ? `${head}\n      ${finding.sample}` : head;
}

function formatSuppression(suppression: Suppression): string {
  const where = suppression.file ? ` in ${suppression.file}${suppression.line ? `:${suppression.line}` : ''}` : '';
  const snippet = suppression.snippet ? ` containing ${JSON.stringify(suppression.snippet)}` : '';
  return `${suppression.check}${where}${snippet}`;
}

export function countsLine(counts: Record<Severity, number>): string {
  return SEVERITIES.map((severity) => `${counts[severity]} ${severity}`).join(', ');
}

/** What to print: one summary line when clean, otherwise every problem. */
export function report(verdict: Verdict, suppressionFileName: string): string[] {
  const summary = `${countsLine(verdict.counts)}; ${verdict.suppressed.length} HIGH/MEDIUM suppressed in ${suppressionFileName}`;
  if (verdict.ok) return [`electronegativity: no unsuppressed HIGH or MEDIUM findings (${summary})`];
  const lines: string[] = [];
  if (verdict.failing.length > 0) {
    lines.push(`electronegativity: ${verdict.failing.length} HIGH/MEDIUM finding(s) not suppressed:`);
    for (const finding of verdict.failing) lines.push(`  ${formatFinding(finding)}`);
    lines.push(`  Fix them, or if one is a false positive, add it to ${suppressionFileName} with a reason that points at the code that makes it safe.`);
  }
  if (verdict.stale.length > 0) {
    lines.push(`electronegativity: ${verdict.stale.length} suppression(s) in ${suppressionFileName} match no HIGH/MEDIUM finding any more; remove them:`);
    for (const suppression of verdict.stale) lines.push(`  ${formatSuppression(suppression)}`);
  }
  if (verdict.suppressionErrors.length > 0) {
    lines.push(`electronegativity: invalid entries in ${suppressionFileName}:`);
    for (const error of verdict.suppressionErrors) lines.push(`  ${error}`);
  }
  if (verdict.scanErrors.length > 0) {
    lines.push(`electronegativity: ${verdict.scanErrors.length} file(s) could not be parsed, so were not checked:`);
    for (const error of verdict.scanErrors) lines.push(`  ${error.file}: ${error.message}`);
  }
  lines.push(`electronegativity: FAILED (${summary})`);
  return lines;
}

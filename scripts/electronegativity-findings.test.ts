import { describe, expect, it } from 'vitest';
import { judge, readSuppressions, readToolResult, report, type Verdict } from './electronegativity-findings';

// Issues as @doyensec/electronegativity 1.10.3's run() returns them (severity and confidence carry more fields).
const level = (name: string, value: number) => ({ name, value, format: () => name });
const contextIsolation = {
  file: 'main/electron/main-window.ts',
  sample: 'const window = new BrowserWindow(mainWindowOptions({ preloadPath }));',
  location: { line: 27, column: 17 },
  id: 'CONTEXT_ISOLATION_JS_CHECK',
  description: 'Review the use of the contextIsolation option',
  severity: level('HIGH', 3),
  confidence: level('FIRM', 1),
  manualReview: false,
  shortenedURL: 'https://git.io/Jeu1p',
};
const openExternal = {
  ...contextIsolation,
  file: 'main\\electron\\platform-adapters.ts',
  sample: 'openExternal: (url) => shell.openExternal(url),',
  location: { line: 9, column: 27 },
  id: 'OPEN_EXTERNAL_JS_CHECK',
  description: 'Review the use of openExternal',
  severity: level('MEDIUM', 2),
  confidence: level('TENTATIVE', 0),
  manualReview: true,
};
const noCsp = {
  file: 'N/A',
  location: { line: 0, column: 0 },
  id: 'CSP_GLOBAL_CHECK',
  description: 'No CSP has been detected in the target application',
  severity: level('MEDIUM', 2),
  confidence: level('CERTAIN', 2),
  manualReview: false,
};
const weakCsp = { ...noCsp, file: 'renderer/index.html', severity: level('LOW', 1), sample: "default-src *" };
const version = {
  ...noCsp,
  file: 'package.json',
  sample: '{',
  location: { line: 1, column: 0 },
  id: 'ELECTRON_VERSION_JSON_CHECK',
  severity: level('INFORMATIONAL', 0),
};

const reason = 'Options come from mainWindowOptions(), which sets contextIsolation: true.';

function verdictFor(issues: unknown[], suppressions: unknown[], errors: unknown[] = []): Verdict {
  return judge(readToolResult({ globalChecks: 6, atomicChecks: 36, errors, issues }), readSuppressions({ suppressions }));
}

describe('judge', () => {
  it('fails on a HIGH finding that is not suppressed', () => {
    const verdict = verdictFor([contextIsolation], []);
    expect(verdict.ok).toBe(false);
    expect(verdict.failing).toMatchObject([{ check: 'CONTEXT_ISOLATION_JS_CHECK', severity: 'HIGH', file: 'main/electron/main-window.ts', line: 27 }]);
  });

  it('fails on a MEDIUM finding, whatever its confidence', () => {
    expect(verdictFor([openExternal], []).failing).toHaveLength(1);
  });

  it('passes when every HIGH/MEDIUM finding is suppressed with a reason', () => {
    const verdict = verdictFor(
      [contextIsolation, noCsp],
      [
        { check: 'CONTEXT_ISOLATION_JS_CHECK', file: 'main/electron/main-window.ts', snippet: 'new BrowserWindow(mainWindowOptions(', reason },
        { check: 'CSP_GLOBAL_CHECK', file: 'N/A', reason: 'The CSP is a response header.' },
      ],
    );
    expect(verdict).toMatchObject({ ok: true, failing: [], stale: [], suppressionErrors: [] });
    expect(verdict.suppressed).toHaveLength(2);
  });

  it('ignores LOW and INFORMATIONAL findings, but counts them', () => {
    const verdict = verdictFor([weakCsp, version], []);
    expect(verdict.ok).toBe(true);
    expect(verdict.counts).toEqual({ HIGH: 0, MEDIUM: 0, LOW: 1, INFORMATIONAL: 1 });
  });

  it('rejects a suppression without a reason, or with a blank one, and the finding stays unsuppressed', () => {
    const verdict = verdictFor(
      [contextIsolation, openExternal],
      [
        { check: 'CONTEXT_ISOLATION_JS_CHECK', file: 'main/electron/main-window.ts' },
        { check: 'OPEN_EXTERNAL_JS_CHECK', reason: '   ' },
      ],
    );
    expect(verdict.ok).toBe(false);
    expect(verdict.suppressionErrors).toEqual([
      expect.stringMatching(/^suppressions\[0\] \(CONTEXT_ISOLATION_JS_CHECK in main\/electron\/main-window.ts\): reason: /),
      expect.stringMatching(/^suppressions\[1\] \(OPEN_EXTERNAL_JS_CHECK\): reason: a suppression needs a written reason/),
    ]);
    expect(verdict.failing).toHaveLength(2);
  });

  it('fails on a stale suppression that matches no finding any more', () => {
    const verdict = verdictFor([], [{ check: 'CONTEXT_ISOLATION_JS_CHECK', file: 'main/electron/main-window.ts', reason }]);
    expect(verdict.ok).toBe(false);
    expect(verdict.stale).toMatchObject([{ check: 'CONTEXT_ISOLATION_JS_CHECK' }]);
  });

  it('counts a suppression that only matches a LOW finding as stale', () => {
    const verdict = verdictFor([weakCsp], [{ check: 'CSP_GLOBAL_CHECK', reason: 'The CSP is a response header.' }]);
    expect(verdict.ok).toBe(false);
    expect(verdict.stale).toHaveLength(1);
  });

  it('matches on check, file, line and snippet, each only when given', () => {
    const suppressed = (suppression: Record<string, unknown>) => verdictFor([openExternal], [{ reason, ...suppression }]).suppressed.length;
    expect(suppressed({ check: 'OPEN_EXTERNAL_JS_CHECK' })).toBe(1);
    // Windows separators in the tool's paths are normalised.
    expect(suppressed({ check: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/electron/platform-adapters.ts', line: 9 })).toBe(1);
    expect(suppressed({ check: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/electron/platform-adapters.ts', line: 10 })).toBe(0);
    expect(suppressed({ check: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/app-core.ts' })).toBe(0);
    expect(suppressed({ check: 'OPEN_EXTERNAL_JS_CHECK', snippet: 'shell.openExternal(url)' })).toBe(1);
    expect(suppressed({ check: 'OPEN_EXTERNAL_JS_CHECK', snippet: 'shell.openExternal(other)' })).toBe(0);
    expect(suppressed({ check: 'CONTEXT_ISOLATION_JS_CHECK' })).toBe(0);
  });

  it('rejects unknown fields (a misspelt snippet must not widen a suppression) and a line without a file', () => {
    const { suppressions, errors } = readSuppressions({
      suppressions: [
        { check: 'OPEN_EXTERNAL_JS_CHECK', snipet: 'shell.openExternal(url)', reason },
        { check: 'OPEN_EXTERNAL_JS_CHECK', line: 9, reason },
        { check: 'open external', reason },
      ],
    });
    expect(suppressions).toEqual([]);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/snipet/);
    expect(errors[1]).toMatch(/line.*needs `file`/);
  });

  it('rejects a suppression file without a suppressions list', () => {
    expect(readSuppressions({ suppresions: [] }).errors).toHaveLength(1);
  });

  it('fails when a file could not be parsed: it was not checked', () => {
    const verdict = verdictFor([], [], [{ file: 'main/broken.ts', message: 'Unexpected token (3:4)', tolerable: false }]);
    expect(verdict.ok).toBe(false);
    expect(verdict.scanErrors).toEqual([{ file: 'main/broken.ts', message: 'Unexpected token (3:4)', tolerable: false }]);
  });

  it('refuses a result of an unexpected shape instead of calling it clean', () => {
    expect(() => readToolResult(undefined)).toThrow(/Unexpected result/);
    expect(() => readToolResult({ issues: [{ ...contextIsolation, severity: level('SEVERE', 4) }] })).toThrow(/Unexpected result/);
  });
});

describe('report', () => {
  it('prints one summary line when clean', () => {
    const verdict = verdictFor([contextIsolation, version], [{ check: 'CONTEXT_ISOLATION_JS_CHECK', reason }]);
    expect(report(verdict, 'suppressions.json')).toEqual([
      'electronegativity: no unsuppressed HIGH or MEDIUM findings (1 HIGH, 0 MEDIUM, 0 LOW, 1 INFORMATIONAL; 1 HIGH/MEDIUM suppressed in suppressions.json)',
    ]);
  });

  it('lists each failing finding with check, severity, confidence, place and description', () => {
    const lines = report(verdictFor([contextIsolation, noCsp], [{ check: 'OPEN_EXTERNAL_JS_CHECK', reason }]), 'suppressions.json').join('\n');
    expect(lines).toContain(
      'HIGH FIRM CONTEXT_ISOLATION_JS_CHECK main/electron/main-window.ts:27:17 Review the use of the contextIsolation option',
    );
    expect(lines).toContain('new BrowserWindow(mainWindowOptions({ preloadPath }));');
    expect(lines).toContain('MEDIUM CERTAIN CSP_GLOBAL_CHECK (whole app) No CSP has been detected in the target application');
    expect(lines).toContain('match no HIGH/MEDIUM finding any more');
    expect(lines).toMatch(/FAILED \(1 HIGH, 1 MEDIUM, 0 LOW, 0 INFORMATIONAL; 0 HIGH\/MEDIUM suppressed/);
  });
});

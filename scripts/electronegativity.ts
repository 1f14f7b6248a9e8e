/**
 * `npm run lint`'s Electron security check: runs Electronegativity over the code Electron loads
 * (main/, preload/, renderer/ and package.json, without the *.test.ts files) and fails on any HIGH or
 * MEDIUM finding that electronegativity.suppressions.json does not suppress with a reason.
 *
 * Why the tool's own `run()` and not its CLI with `-o`: the CLI exits 0 whatever it finds, its SARIF
 * output has no severity or confidence (only `note`/`warning`), and its CSV output is written by two
 * unsynchronised fs.writeFile calls (header, then rows with flag 'a') that can lose the rows. `run()`
 * is what the CLI calls with the same options (dist/index.js); it returns the findings themselves.
 *
 * Offline: the tool fetches translations from S3 on every start and Electron's release list from
 * GitHub (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK, excluded here). Its only network client is `got`,
 * which is replaced by a stub that answers 404 without sending anything, and any socket connect while
 * the tool runs throws, so nothing leaves the machine.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { judge, readSuppressions, readToolResult, report } from './electronegativity-findings';
import { withoutNetwork } from './without-network';

const root = resolve(import.meta.dirname, '..');
const SUPPRESSION_FILE = 'electronegativity.suppressions.json';
/** What Electron loads: the main-process and preload bundles and the renderer page are built from these. */
const SCANNED = ['main', 'preload', 'renderer', 'package.json'];
/** Tests are not in any bundle (electron-vite builds from main/electron/index.ts, preload/index.ts, renderer/index.html). */
const isTest = (file: string): boolean => /\.test\.tsx?$/.test(file);
/** Electron's release list comes from GitHub; the Electron version is pinned in package.json and updated on purpose. */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

interface ElectronegativityOptions {
  input: string;
  isRelative: boolean;
  electronVersionOverride: string;
  excludeFromScan: string[];
}
type Run = (options: ElectronegativityOptions) => Promise<unknown>;

const requireHere = createRequire(import.meta.url);

/** Loads the tool with `got` replaced by a stub, so the tool has no way to reach the network. */
function loadOffline(): { run: Run; blocked: string[] } {
  const blocked: string[] = [];
  const runnerPath = requireHere.resolve('@doyensec/electronegativity');
  const packageDir = resolve(runnerPath, '..', '..');
  // Both files that import got (dist/locales/i18n.js and the security-fixes global check) resolve it from here.
  const gotPath = createRequire(join(packageDir, 'dist', 'locales', 'i18n.js')).resolve('got');
  const answer = (url: unknown): Promise<{ statusCode: number; headers: Record<string, string>; body: string }> => {
    blocked.push(String(url));
    // i18n keeps its bundled en-US strings on anything but 200.
    return Promise.resolve({ statusCode: 404, headers: {}, body: '' });
  };
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = Object.assign(answer, { head: answer, get: answer });
  requireHere.cache[gotPath] = stub;
  const runner = requireHere(runnerPath) as Run & { default?: Run };
  return { run: runner.default ?? runner, blocked };
}

/** Copies what is scanned into a temporary folder, so the tool sees exactly that and reports repo-relative paths. */
function stage(): { dir: string; files: number } {
  const dir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  let files = 0;
  for (const entry of SCANNED) {
    cpSync(join(root, entry), join(dir, entry), {
      recursive: true,
      filter: (source) => {
        const keep = !isTest(source);
        if (keep && /\.(tsx?|jsx?|html?|json)$/.test(source)) files += 1;
        return keep;
      },
    });
  }
  return { dir, files };
}

function readSuppressionFile(): ReturnType<typeof readSuppressions> {
  const path = join(root, SUPPRESSION_FILE);
  if (!existsSync(path)) return { suppressions: [], errors: [] };
  try {
    return readSuppressions(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    return { suppressions: [], errors: [`${SUPPRESSION_FILE}: ${error instanceof Error ? error.message : String(error)}`] };
  }
}

async function main(): Promise<number> {
  const started = performance.now();
  const suppressions = readSuppressionFile();
  const electronVersion = (requireHere('electron/package.json') as { version: string }).version;
  const staged = stage();
  try {
    if (staged.files === 0) throw new Error(`nothing to scan in ${SCANNED.join(', ')}`);
    const { run, blocked } = loadOffline();
    // No connection either, a belt to the `got` stub's braces: nothing else in the tool opens one.
    const result = await withoutNetwork('electronegativity', () =>
      run({ input: staged.dir, isRelative: true, electronVersionOverride: electronVersion, excludeFromScan: EXCLUDED_CHECKS }),
    );
    const verdict = judge(readToolResult(result), suppressions);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const lines = report(verdict, SUPPRESSION_FILE);
    const context = `${staged.files} files, Electron ${electronVersion}, ${blocked.length} network request(s) blocked, ${seconds}s`;
    lines[lines.length - 1] += ` [${context}]`;
    (verdict.ok ? console.log : console.error)(lines.join('\n'));
    return verdict.ok ? 0 : 1;
  } finally {
    rmSync(staged.dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`electronegativity: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);

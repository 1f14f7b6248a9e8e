import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BaseResolver, IGNORE_FILE, lint, lintConfig, loadConfig, parseYaml, type NormalizedProblem } from '@redocly/openapi-core';
import { withoutNetwork } from './without-network';

/**
 * The portal's OpenAPI document linted by Redocly's engine as a library (@redocly/openapi-core: the
 * rules `redocly lint` runs), with the project's redocly.yaml. Offline by construction: the engine
 * fetches only for an absolute-URL $ref or `extends` (utils/read-file-from-url.js, through the
 * resolver's customFetch), that fetch is refused here, and any socket connect throws while it runs.
 * The library has no telemetry (that lives in @redocly/cli, which is not used).
 */
export interface OpenApiLintResult {
  /** Everything to fix: the rules' findings, and the config's own problems. */
  problems: NormalizedProblem[];
  /** Why the run itself is not acceptable, whatever the rules found. */
  refusals: string[];
  /** Fetches the engine asked for (and did not get). */
  blockedFetches: string[];
}

/**
 * The rules redocly.yaml switches off without a comment line just above them: a rule may only be
 * switched off with its reason written there.
 */
export function rulesOffWithoutReason(configText: string): string[] {
  const config = (parseYaml(configText) ?? {}) as { rules?: Record<string, unknown> };
  const lines = configText.split('\n');
  return Object.entries(config.rules ?? {})
    .filter(([, setting]) => setting === 'off' || (typeof setting === 'object' && setting !== null && (setting as { severity?: unknown }).severity === 'off'))
    .map(([rule]) => rule)
    .filter((rule) => {
      const at = lines.findIndex((line) => new RegExp(`^\\s*['"]?${rule.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]?\\s*:`).test(line));
      const above = lines.slice(0, Math.max(at, 0)).reverse().find((line) => line.trim() !== '');
      return at < 0 || !above?.trim().startsWith('#');
    });
}

export async function lintOpenApiDocument(documentPath: string, configPath: string): Promise<OpenApiLintResult> {
  const blockedFetches: string[] = [];
  const refuse = (url: string): Promise<never> => {
    blockedFetches.push(url);
    return Promise.reject(new Error(`${url}: the OpenAPI lint runs offline`));
  };
  const resolver = new BaseResolver({ http: { headers: [], customFetch: refuse } });
  const refusals: string[] = [];
  // An ignore file would hide findings without a reason next to them.
  const ignoreFile = join(dirname(configPath), IGNORE_FILE);
  if (existsSync(ignoreFile)) refusals.push(`${IGNORE_FILE} is not used here: fix the finding, or switch its rule off in redocly.yaml with the reason`);
  const configText = readFileSync(configPath, 'utf8');
  // A plugin is code the engine would load and run: none is needed for the recommended rules.
  if ((parseYaml(configText) as { plugins?: unknown } | undefined)?.plugins !== undefined) refusals.push('redocly.yaml loads plugins: not allowed here');
  for (const rule of rulesOffWithoutReason(configText)) {
    refusals.push(`redocly.yaml switches ${rule} off without a reason: write it in a comment just above`);
  }
  // Refused before the engine reads the config: it would load a plugin's code as it does.
  if (refusals.length > 0) return { problems: [], refusals, blockedFetches };
  const problems = await withoutNetwork('the OpenAPI lint', async () => {
    // Not skipPluginEval: it skips the built-in presets too, and then no rule runs at all.
    const config = await loadConfig({ configPath, externalRefResolver: resolver });
    const configProblems = await lintConfig({ config, externalRefResolver: resolver });
    const documentProblems = await lint({ ref: documentPath, config, externalRefResolver: resolver });
    return [...configProblems, ...documentProblems];
  });
  return { problems, refusals, blockedFetches };
}

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { builtBundles, requireBuilt } from './built-output';

const run = promisify(execFile);

/**
 * Electron loads these files as they are built, and nothing else here runs them (the tests and the
 * harness run the sources through tsx): a bundle that does not even parse must fail here.
 */
describe('built bundles parse', () => {
  it.each([
    ['main', builtBundles.main],
    ['preload', builtBundles.preload],
    ['harness bridge', builtBundles.harnessBridge],
  ])('%s: node --check', async (_name, file) => {
    const result = await run(process.execPath, ['--check', requireBuilt(file)]).then(
      () => ({ ok: true, stderr: '' }),
      (error: { stderr?: string }) => ({ ok: false, stderr: error.stderr ?? String(error) }),
    );
    expect(result, result.stderr).toEqual({ ok: true, stderr: '' });
  });
});

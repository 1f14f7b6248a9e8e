import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The global setup of the unit tests, the build checks and the Playwright tests: one temporary folder for the
 * whole run, made the test processes' TMPDIR (so `os.tmpdir()` in every worker and every process they start
 * is inside it), and removed with everything in it when the run ends. The tests make thousands of folders
 * with `mkdtemp` (data folders, caches, saved QR codes); none is left behind in the system's temp folder.
 *
 * World-writable and sticky like /tmp itself: a test starts a process as the user "nobody", whose tsx writes
 * its cache to TMPDIR.
 */
export default function useRunTempRoot(): () => void {
  const previous = process.env['TMPDIR'];
  const root = mkdtempSync(join(tmpdir(), 'fjernhjelp-test-run-'));
  chmodSync(root, 0o1777);
  process.env['TMPDIR'] = root;
  return () => {
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
    rmSync(root, { recursive: true, force: true, maxRetries: 5 });
  };
}

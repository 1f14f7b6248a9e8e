import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import useRunTempRoot from './temp-root';

describe('the test run temporary folder', () => {
  it('is TMPDIR while the run lasts, shared like /tmp, and is removed with what the tests left in it', () => {
    const before = process.env['TMPDIR'];
    const teardown = useRunTempRoot();
    const root = tmpdir();
    try {
      expect(root).not.toBe(before);
      expect(statSync(root).mode & 0o7777).toBe(0o1777);
      const left = mkdtempSync(join(tmpdir(), 'left-behind-'));
      writeFileSync(join(left, 'kari-totp.png'), 'x');
    } finally {
      teardown();
    }
    expect(existsSync(root)).toBe(false);
    expect(process.env['TMPDIR']).toBe(before);
  });
});

import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A real, small file system (tmpfs) that a test can fill up and free again: ENOSPC from the kernel, SQLITE_FULL from SQLite. */
export interface SmallDisk {
  dir: string;
  /** Writes a filler file until the kernel says ENOSPC. */
  fill(): void;
  /** Deletes the filler: space again. */
  free(): void;
  unmount(): void;
}

/** Why a small disk cannot be made here, or undefined if it can (mounting a tmpfs needs root, as CI runs). */
export function smallDiskUnavailable(): string | undefined {
  if (process.platform !== 'linux') return 'a tmpfs full-disk test runs on Linux only';
  if (process.getuid?.() !== 0) return 'mounting a small tmpfs needs root (CI runs .ci/run as root)';
  return undefined;
}

export function mountSmallDisk(sizeKiB: number): SmallDisk {
  const dir = mkdtempSync(join(tmpdir(), 'small-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k,mode=0700`, 'tmpfs', dir]);
  const filler = join(dir, 'filler');
  return {
    dir,
    fill() {
      const fd = openSync(filler, 'a');
      try {
        // Large chunks first, then page-sized ones: tmpfs allocates whole pages, so nothing is left.
        for (const size of [64 * 1024, 4096]) {
          const chunk = Buffer.alloc(size);
          try {
            for (;;) writeSync(fd, chunk);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    free() {
      unlinkSync(filler);
    },
    unmount() {
      execFileSync('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

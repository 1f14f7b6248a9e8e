import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

export interface WindowSize {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

const int = z.number().int().min(-100_000).max(100_000);
const stateSchema = z.object({
  bounds: z.object({ x: int, y: int, width: int.positive(), height: int.positive() }),
  maximized: z.boolean(),
});

/** The main window's last size, position and maximised state: `window-state.json` in the data folder. */
export function windowStateFile(dataDir: string): string {
  return join(dataDir, 'window-state.json');
}

/** A missing, damaged or out-of-range file means "no saved state": the window opens at its default size. */
export function readWindowState(file: string): WindowState | undefined {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Written to a sibling file and renamed, so a crash or a full disk leaves the old state, never half a file. */
export function writeWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}

/** How much of the window's title bar must be on a display for the saved position to be used. */
const MIN_VISIBLE = 100;

/**
 * Where the window opens: the saved bounds when enough of them is on one of today's displays (a
 * monitor that was unplugged must not leave the window off-screen), clamped to the minimum size and
 * to that display's work area; otherwise undefined, and Electron centres the default size.
 */
export function restoreBounds(saved: WindowState | undefined, workAreas: readonly Rectangle[], size: WindowSize): Rectangle | undefined {
  if (!saved) return undefined;
  const { bounds } = saved;
  const area = workAreas.find((candidate) => overlap(bounds, candidate) >= MIN_VISIBLE);
  if (!area) return undefined;
  const width = Math.min(Math.max(bounds.width, size.minWidth), Math.max(area.width, size.minWidth));
  const height = Math.min(Math.max(bounds.height, size.minHeight), Math.max(area.height, size.minHeight));
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - Math.min(width, area.width));
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - Math.min(height, area.height));
  return { x, y, width, height };
}

/** Horizontal overlap of the window's top strip (its title bar) with a display's work area, in pixels. */
function overlap(window: Rectangle, area: Rectangle): number {
  const titleBarTop = window.y;
  if (titleBarTop < area.y || titleBarTop >= area.y + area.height) return 0;
  return Math.min(window.x + window.width, area.x + area.width) - Math.max(window.x, area.x);
}

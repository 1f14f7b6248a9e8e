import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWindowState, restoreBounds, windowStateFile, writeWindowState, type WindowState } from './window-state';

const size = { width: 1280, height: 840, minWidth: 900, minHeight: 600 };
const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1400 };
const state = (x: number, y: number, width = 1280, height = 840): WindowState => ({ bounds: { x, y, width, height }, maximized: false });

describe('the window state file', () => {
  it('round-trips, owner-only, leaving no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'window-state-'));
    const file = windowStateFile(dir);
    writeWindowState(file, { ...state(10, 20), maximized: true });
    expect(readWindowState(file)).toEqual({ ...state(10, 20), maximized: true });
    expect(readdirSync(dir)).toEqual(['window-state.json']);
  });

  it.each([
    ['missing', undefined],
    ['not JSON', '{"bounds": '],
    ['wrong shape', '{"bounds": {"x": "left"}, "maximized": false}'],
    ['absurd numbers', '{"bounds": {"x": 1e12, "y": 0, "width": 10, "height": 10}, "maximized": false}'],
  ])('reads a %s file as no saved state', (_name, contents) => {
    const file = windowStateFile(mkdtempSync(join(tmpdir(), 'window-state-')));
    if (contents !== undefined) writeFileSync(file, contents);
    expect(readWindowState(file)).toBeUndefined();
  });
});

describe('restoring the window bounds', () => {
  it('uses the saved bounds when they are on a display', () => {
    expect(restoreBounds(state(2100, 100), [laptop, rightMonitor], size)).toEqual(state(2100, 100).bounds);
  });

  it('opens at the default place when the saved display is gone', () => {
    expect(restoreBounds(state(2100, 100), [laptop], size)).toBeUndefined();
    expect(restoreBounds(undefined, [laptop], size)).toBeUndefined();
  });

  it('pulls a window that hangs off the edge back inside the work area', () => {
    expect(restoreBounds(state(1500, 500), [laptop], size)).toEqual({ x: 640, y: 200, width: 1280, height: 840 });
  });

  it('keeps the minimum size and fits a saved size larger than the display', () => {
    expect(restoreBounds(state(0, 0, 400, 300), [laptop], size)).toEqual({ x: 0, y: 0, width: 900, height: 600 });
    expect(restoreBounds(state(0, 0, 4000, 3000), [laptop], size)).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
  });

  it('does not restore a window whose title bar is above the display (it could not be dragged back)', () => {
    expect(restoreBounds(state(100, -50), [laptop], size)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { allocateColumnWidths } from './column-widths';

const total = (widths: number[]) => widths.reduce((sum, width) => sum + width, 0);

describe('column widths from content', () => {
  it('gives every column what its widest value needs and shares the rest in proportion', () => {
    const widths = allocateColumnWidths(
      [
        { natural: 100, min: 50 },
        { natural: 300, min: 50 },
      ],
      800,
    );
    expect(widths).toEqual([200, 600]);
  });

  it('when space is short, cuts only the widest columns, to one common cap, and keeps short ones whole', () => {
    // A date (140) and a mode (120) fit whole; the two names share what is left.
    const widths = allocateColumnWidths(
      [
        { natural: 140, min: 60 },
        { natural: 600, min: 60 },
        { natural: 120, min: 60 },
        { natural: 400, min: 60 },
      ],
      760,
    );
    expect(widths[0]).toBe(140);
    expect(widths[2]).toBe(120);
    expect(widths[1]).toBeCloseTo(250, 0);
    expect(widths[3]).toBeCloseTo(250, 0);
    expect(total(widths)).toBeCloseTo(760, 0);
  });

  it('never makes a column narrower than its minimum (buttons are never cut)', () => {
    const widths = allocateColumnWidths(
      [
        { natural: 500, min: 80 },
        { natural: 90, min: 90 },
      ],
      300,
    );
    expect(widths[1]).toBe(90);
    expect(widths[0]).toBeCloseTo(210, 0);
  });

  it('returns the minimums, wider than the space, when even they do not fit: the region scrolls', () => {
    expect(
      allocateColumnWidths(
        [
          { natural: 500, min: 200 },
          { natural: 300, min: 150 },
        ],
        200,
      ),
    ).toEqual([200, 150]);
  });

  it('treats a minimum above the natural width as the width', () => {
    expect(allocateColumnWidths([{ natural: 10, min: 40 }], 40)).toEqual([40]);
  });
});

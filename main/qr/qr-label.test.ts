import { describe, expect, it } from 'vitest';
import { drawableText, renderLabelLine, textWidth, wrapLabel } from './qr-label';

describe('the label under a QR code', () => {
  it('draws Norwegian and Sámi letters as themselves, and what the font lacks as "?"', () => {
    expect(drawableText('Åse Ødegård – Čáhppes Ŋ')).toBe('Åse Ødegård – Čáhppes Ŋ');
    expect(drawableText('中文 😀')).toBe('?? ?');
    // A decomposed "å" (macOS input) is composed; tabs, newlines and control characters are spaces.
    expect(drawableText('a\u030Ase')).toBe('åse');
    expect(drawableText('\u0000tab\there\nnew\u200Bline')).toBe('tab here new line');
  });

  it('wraps at spaces, breaks a word only when it alone is too wide, and marks a cut with "…"', () => {
    const width = textWidth('Norsk Helsenett');
    expect(wrapLabel('Norsk Helsenett test', width, 3)).toEqual(['Norsk Helsenett', 'test']);
    const long = 'x'.repeat(200);
    const lines = wrapLabel(long, width, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(width);
  });

  it('renders ink for the text, centred, and nothing for an empty line', () => {
    const { gray, width, height } = renderLabelLine('kari.nordmann', 400);
    const inkColumns = new Set<number>();
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if ((gray[y * width + x] ?? 255) < 128) inkColumns.add(x);
    expect(inkColumns.size).toBeGreaterThan(50);
    const left = Math.min(...inkColumns);
    const right = width - 1 - Math.max(...inkColumns);
    expect(Math.abs(left - right)).toBeLessThan(6);
    expect(renderLabelLine('', 100).gray.every((value) => value === 255)).toBe(true);
  });
});

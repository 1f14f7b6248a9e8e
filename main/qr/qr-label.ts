import * as PImage from 'pureimage';
import { dejavuFontFiles } from '../fonts/dejavu-fonts';

/**
 * The text under a QR code (username, organisation), drawn with DejaVu Sans Condensed Bold — the font
 * the app already ships for its PDF report — by pureimage (TrueType via opentype.js, pure JavaScript),
 * so it looks the same under plain Node and in the packaged app, whatever fonts the machine has.
 */
const FAMILY = 'Fjernhjelp QR label';
export const LABEL_FONT_PX = 28;
export const LABEL_LINE_PX = Math.ceil(LABEL_FONT_PX * 1.3);

/** What a character the font lacks becomes: visible, so a reader knows something is missing. */
export const REPLACEMENT_CHARACTER = '?';

let font: ReturnType<typeof PImage.registerFont> | undefined;

function labelFont(): ReturnType<typeof PImage.registerFont> {
  font ??= PImage.registerFont(dejavuFontFiles().bold, FAMILY).loadSync();
  return font;
}

/**
 * The text as it will be drawn: NFC first (macOS input often arrives decomposed, "a" + ring), any
 * whitespace or control character a space, anything the font has no glyph for REPLACEMENT_CHARACTER.
 */
export function drawableText(text: string): string {
  const opentype = labelFont().font;
  return Array.from(text.normalize('NFC'), (char) => {
    if (/[\s\p{Cc}\p{Cf}]/u.test(char)) return ' ';
    return opentype.charToGlyphIndex(char) > 0 ? char : REPLACEMENT_CHARACTER;
  })
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** A canvas to measure and draw label text on. */
function context(width: number, height: number): ReturnType<ReturnType<typeof PImage.make>['getContext']> {
  labelFont();
  const ctx = PImage.make(Math.max(1, width), Math.max(1, height)).getContext('2d');
  ctx.font = `${LABEL_FONT_PX}px '${FAMILY}'`;
  return ctx;
}

export function textWidth(text: string): number {
  return Math.ceil(context(1, 1).measureText(text).width);
}

/**
 * Lines of at most `maxWidth` pixels, broken at spaces where possible and inside a word only when the
 * word alone is too wide (usernames and e-mail addresses have no spaces). At most `maxLines`; text
 * that does not fit ends its last line in "…", so the cut is visible.
 */
export function wrapLabel(text: string, maxWidth: number, maxLines: number): string[] {
  const measure = context(1, 1);
  const fits = (line: string) => measure.measureText(line).width <= maxWidth;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (fits(joined)) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    for (const char of word) {
      if (line && !fits(line + char)) {
        lines.push(line);
        line = '';
      }
      line += char;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = `${kept[maxLines - 1]}…`;
  while (last.length > 1 && !fits(last)) last = `${last.slice(0, -2)}…`;
  kept[maxLines - 1] = last;
  return kept;
}

/**
 * One line of text, black on white, as a grayscale coverage mask (0 = ink, 255 = paper) of
 * `width` x LABEL_LINE_PX pixels, the text centred.
 */
export function renderLabelLine(text: string, width: number): { width: number; height: number; gray: Uint8Array } {
  const height = LABEL_LINE_PX;
  const ctx = context(width, height);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000000';
  const x = Math.floor((width - ctx.measureText(text).width) / 2);
  ctx.fillText(text, x, Math.round(LABEL_FONT_PX * 0.95));
  const data = ctx.getImageData(0, 0, width, height).data;
  const gray = new Uint8Array(width * height);
  for (let i = 0; i < gray.length; i++) gray[i] = data[i * 4] ?? 255;
  return { width, height, gray };
}

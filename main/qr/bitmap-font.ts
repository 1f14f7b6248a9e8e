/**
 * A fixed-width bitmap font and the little text layout the QR image needs. Embedded glyphs (see
 * misc-fixed-font.ts) render identically under plain Node and in the packaged Electron main process,
 * with no font file to ship and no dependence on the fonts a given machine happens to have.
 */
export interface BitmapFont {
  cellWidth: number;
  cellHeight: number;
  /**
   * Code point -> `cellHeight` rows in hex, each row ceil(cellWidth / 8) bytes, most significant bit
   * leftmost. Hex strings keep the generated source diffable and a few kilobytes small.
   */
  glyphs: ReadonlyMap<number, string>;
}

/** What a character outside the font becomes: visible, so a reader knows something is missing. */
export const REPLACEMENT_CHARACTER = '?';

/**
 * The characters that will be drawn for `text`: NFC first, because macOS file and name input often
 * arrives decomposed ("a" + combining ring) and the font holds the precomposed "å"; whitespace
 * (tabs, newlines) becomes a space; anything the font lacks becomes REPLACEMENT_CHARACTER.
 */
export function toDrawableCharacters(font: BitmapFont, text: string): string[] {
  return Array.from(text.normalize('NFC'), (char) => {
    if (/\s/u.test(char)) return ' ';
    return font.glyphs.has(char.codePointAt(0) ?? -1) ? char : REPLACEMENT_CHARACTER;
  });
}

/**
 * Splits `text` into lines of at most `maxColumns` characters, breaking at spaces where it can and
 * inside a word only when a word alone is too long (usernames and e-mail addresses have no spaces).
 * At most `maxLines` lines; if text is cut, the last line ends in "..." so the cut is visible.
 */
export function wrapText(characters: readonly string[], maxColumns: number, maxLines: number): string[][] {
  if (maxColumns < 4 || maxLines < 1) throw new RangeError('wrapText needs at least 4 columns and 1 line');
  const words = splitWords(characters);
  const lines: string[][] = [];
  let line: string[] = [];
  for (const word of words) {
    let rest = word;
    if (line.length > 0 && line.length + 1 + rest.length <= maxColumns) {
      line.push(' ', ...rest);
      continue;
    }
    if (line.length > 0) lines.push(line);
    while (rest.length > maxColumns) {
      lines.push(rest.slice(0, maxColumns));
      rest = rest.slice(maxColumns);
    }
    line = [...rest];
  }
  if (line.length > 0 || lines.length === 0) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] ?? [];
  kept[maxLines - 1] = [...last.slice(0, maxColumns - 3), '.', '.', '.'];
  return kept;
}

function splitWords(characters: readonly string[]): string[][] {
  const words: string[][] = [];
  let word: string[] = [];
  for (const char of characters) {
    if (char === ' ') {
      if (word.length > 0) words.push(word);
      word = [];
    } else {
      word.push(char);
    }
  }
  if (word.length > 0) words.push(word);
  return words;
}

/** An RGBA pixel buffer, as pngjs holds it. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Buffer;
}

/**
 * Draws one line of already-drawable characters with its top-left corner at (x, y), each font pixel
 * as a `scale` x `scale` black square. Pixels outside the image are skipped rather than wrapped.
 */
export function drawTextLine(image: RgbaImage, font: BitmapFont, characters: readonly string[], x: number, y: number, scale: number): void {
  characters.forEach((char, index) => {
    const rows = font.glyphs.get(char.codePointAt(0) ?? -1) ?? font.glyphs.get(REPLACEMENT_CHARACTER.charCodeAt(0));
    if (!rows) return;
    const left = x + index * font.cellWidth * scale;
    const rowBits = Math.ceil(font.cellWidth / 8) * 8;
    const rowHex = rowBits / 4;
    for (let row = 0; row < font.cellHeight; row++) {
      const bits = Number.parseInt(rows.slice(row * rowHex, (row + 1) * rowHex), 16);
      for (let column = 0; column < font.cellWidth; column++) {
        if ((bits >> (rowBits - 1 - column)) & 1) fillBlack(image, left + column * scale, y + row * scale, scale, scale);
      }
    }
  });
}

/** Fills a rectangle with opaque black, clipped to the image. */
export function fillBlack(image: RgbaImage, x: number, y: number, width: number, height: number): void {
  const x0 = Math.max(0, x);
  const y0 = Math.max(0, y);
  const x1 = Math.min(image.width, x + width);
  const y1 = Math.min(image.height, y + height);
  for (let py = y0; py < y1; py++) {
    for (let px = x0; px < x1; px++) {
      const at = (py * image.width + px) * 4;
      image.data[at] = 0;
      image.data[at + 1] = 0;
      image.data[at + 2] = 0;
      image.data[at + 3] = 255;
    }
  }
}

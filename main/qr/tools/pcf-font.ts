import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';

/**
 * Just enough of the X11 PCF format to read a fixed-width bitmap font (the public-domain misc-fixed
 * family from xfonts-base). Dev-time only: the generator turns its glyphs into TypeScript so the app
 * ships no font file and never depends on system fonts.
 */
export interface PcfGlyph {
  codePoint: number;
  width: number;
  /** Rows of the full cell (fontAscent + fontDescent), each an array of 0/1 per column of the cell. */
  rows: number[][];
}

export interface PcfFont {
  cellWidth: number;
  ascent: number;
  descent: number;
  glyphs: Map<number, PcfGlyph>;
}

const PCF_ACCELERATORS = 1 << 1;
const PCF_METRICS = 1 << 2;
const PCF_BITMAPS = 1 << 3;
const PCF_BDF_ENCODINGS = 1 << 5;
const PCF_BDF_ACCELERATORS = 1 << 8;
const PCF_COMPRESSED_METRICS = 0x100;

interface Metrics {
  lsb: number;
  rsb: number;
  width: number;
  ascent: number;
  descent: number;
}

export function readPcfFont(path: string): PcfFont {
  const raw = readFileSync(path);
  const buf = path.endsWith('.gz') ? gunzipSync(raw) : raw;
  if (buf.toString('latin1', 0, 4) !== '\x01fcp') throw new Error(`${path} is not a PCF font`);
  const tableCount = buf.readInt32LE(4);
  const tables = new Map<number, { format: number; offset: number }>();
  for (let i = 0; i < tableCount; i++) {
    const base = 8 + i * 16;
    tables.set(buf.readInt32LE(base), { format: buf.readInt32LE(base + 4), offset: buf.readInt32LE(base + 12) });
  }
  const table = (type: number): { format: number; offset: number; bigEndian: boolean } => {
    const entry = tables.get(type);
    if (!entry) throw new Error(`PCF table ${type} missing`);
    const format = buf.readInt32LE(entry.offset);
    return { format, offset: entry.offset + 4, bigEndian: (format & 4) !== 0 };
  };
  const i16 = (be: boolean, at: number): number => (be ? buf.readInt16BE(at) : buf.readInt16LE(at));
  const i32 = (be: boolean, at: number): number => (be ? buf.readInt32BE(at) : buf.readInt32LE(at));

  const acc = table(tables.has(PCF_BDF_ACCELERATORS) ? PCF_BDF_ACCELERATORS : PCF_ACCELERATORS);
  const ascent = i32(acc.bigEndian, acc.offset + 8);
  const descent = i32(acc.bigEndian, acc.offset + 12);

  const met = table(PCF_METRICS);
  const metrics: Metrics[] = [];
  if (met.format & PCF_COMPRESSED_METRICS) {
    const count = i16(met.bigEndian, met.offset);
    for (let i = 0; i < count; i++) {
      const at = met.offset + 2 + i * 5;
      const b = (k: number): number => buf.readUInt8(at + k) - 0x80;
      metrics.push({ lsb: b(0), rsb: b(1), width: b(2), ascent: b(3), descent: b(4) });
    }
  } else {
    const count = i32(met.bigEndian, met.offset);
    for (let i = 0; i < count; i++) {
      const at = met.offset + 4 + i * 12;
      const s = (k: number): number => i16(met.bigEndian, at + k * 2);
      metrics.push({ lsb: s(0), rsb: s(1), width: s(2), ascent: s(3), descent: s(4) });
    }
  }

  const bm = table(PCF_BITMAPS);
  const glyphCount = i32(bm.bigEndian, bm.offset);
  const offsets = Array.from({ length: glyphCount }, (_, i) => i32(bm.bigEndian, bm.offset + 4 + i * 4));
  const dataStart = bm.offset + 4 + glyphCount * 4 + 16;
  const pad = 1 << (bm.format & 3);
  const msbBitFirst = (bm.format & 8) !== 0;

  const enc = table(PCF_BDF_ENCODINGS);
  const s = (k: number): number => i16(enc.bigEndian, enc.offset + k * 2);
  const [min2, max2, min1, max1] = [s(0), s(1), s(2), s(3)];
  const perRow = max2 - min2 + 1;

  let cellWidth = 0;
  for (const m of metrics) cellWidth = Math.max(cellWidth, m.width);

  const glyphs = new Map<number, PcfGlyph>();
  for (let b1 = min1; b1 <= max1; b1++) {
    for (let b2 = min2; b2 <= max2; b2++) {
      const index = enc.bigEndian
        ? buf.readUInt16BE(enc.offset + 10 + ((b1 - min1) * perRow + (b2 - min2)) * 2)
        : buf.readUInt16LE(enc.offset + 10 + ((b1 - min1) * perRow + (b2 - min2)) * 2);
      if (index === 0xffff) continue;
      const m = metrics[index];
      const offset = offsets[index];
      if (!m || offset === undefined) continue;
      const inkWidth = m.rsb - m.lsb;
      const inkRows = m.ascent + m.descent;
      const stride = Math.ceil(Math.ceil(inkWidth / 8) / pad) * pad;
      const rows = Array.from({ length: ascent + descent }, () => new Array<number>(cellWidth).fill(0));
      for (let y = 0; y < inkRows; y++) {
        for (let x = 0; x < inkWidth; x++) {
          const byte = buf.readUInt8(dataStart + offset + y * stride + (x >> 3));
          const bit = msbBitFirst ? (byte >> (7 - (x & 7))) & 1 : (byte >> (x & 7)) & 1;
          const cy = ascent - m.ascent + y;
          const cx = m.lsb + x;
          const row = rows[cy];
          if (bit && row && cx >= 0 && cx < cellWidth) row[cx] = 1;
        }
      }
      glyphs.set((b1 << 8) | b2, { codePoint: (b1 << 8) | b2, width: m.width, rows });
    }
  }
  return { cellWidth, ascent, descent, glyphs };
}

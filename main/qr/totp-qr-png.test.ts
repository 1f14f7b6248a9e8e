import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { create as createQrCode } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { renderTotpQrPng } from './totp-qr-png';

const otpauthUri =
  'otpauth://totp/Fjernhjelp%20(Norsk%20Helsenett%20test):kari.nordmann?issuer=Fjernhjelp%20(Norsk%20Helsenett%20test)&secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30';
const sample = { otpauthUri, username: 'kari.nordmann', organisation: 'Norsk Helsenett test' };

function decode(png: Buffer): { image: PNG; text: string | undefined } {
  const image = PNG.sync.read(png);
  return { image, text: jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data };
}

function isDark(image: PNG, x: number, y: number): boolean {
  return (image.data[(y * image.width + x) * 4] ?? 255) < 128;
}

function darkPixels(image: PNG, fromY: number, toY: number): number {
  let count = 0;
  for (let y = fromY; y < toY; y++) for (let x = 0; x < image.width; x++) if (isDark(image, x, y)) count++;
  return count;
}

const MODULE_PX = 8;
const QUIET_ZONE_PX = 4 * MODULE_PX;
/** Modules per side for the sample URI; the geometry checks below derive everything else from it. */
const modules = createQrCode(otpauthUri, { errorCorrectionLevel: 'M' }).modules.size;

describe('renderTotpQrPng', () => {
  it('encodes the otpauth URI exactly, scannable by an independent decoder', async () => {
    const { text } = decode(await renderTotpQrPng(sample));
    expect(text).toBe(otpauthUri);
  });

  it('is a black-and-white PNG with 8 px modules and a quiet zone of 4 modules', async () => {
    const image = PNG.sync.read(await renderTotpQrPng(sample));
    const values = new Set<number>();
    for (let i = 0; i < image.data.length; i += 4) values.add(image.data[i] ?? -1);
    expect([...values].sort((a, b) => a - b)).toEqual([0, 255]);

    const codePx = modules * MODULE_PX;
    expect(image.width).toBe(codePx + 2 * QUIET_ZONE_PX);
    expect(darkPixels(image, 0, QUIET_ZONE_PX)).toBe(0);
    for (let y = QUIET_ZONE_PX; y < QUIET_ZONE_PX + codePx; y++) {
      for (const x of [...Array(QUIET_ZONE_PX).keys(), ...Array.from({ length: QUIET_ZONE_PX }, (_, i) => image.width - 1 - i)]) {
        expect(isDark(image, x, y)).toBe(false);
      }
    }
    // The top-left finder pattern: a row of 7 dark modules, then a light one.
    for (let x = QUIET_ZONE_PX; x < QUIET_ZONE_PX + 7 * MODULE_PX; x++) expect(isDark(image, x, QUIET_ZONE_PX)).toBe(true);
    expect(isDark(image, QUIET_ZONE_PX + 7 * MODULE_PX, QUIET_ZONE_PX)).toBe(false);
  });

  it('prints the text under the code, below an empty quiet zone', async () => {
    const image = PNG.sync.read(await renderTotpQrPng(sample));
    const codeBottom = QUIET_ZONE_PX + modules * MODULE_PX;
    expect(darkPixels(image, codeBottom, codeBottom + QUIET_ZONE_PX)).toBe(0);
    expect(image.height).toBeGreaterThan(codeBottom + QUIET_ZONE_PX + 2 * 30);
    expect(darkPixels(image, codeBottom + QUIET_ZONE_PX, image.height)).toBeGreaterThan(1000);
    // Without text there is nothing below the quiet zone.
    const bare = PNG.sync.read(await renderTotpQrPng({ otpauthUri, username: '', organisation: '' }));
    expect(bare.height).toBe(codeBottom + QUIET_ZONE_PX);
  });

  it('draws Norwegian letters as themselves, and unknown characters as "?" without failing', async () => {
    const render = (username: string) => renderTotpQrPng({ ...sample, username });
    const norwegian = await render('æøå ÆØÅ');
    const questionMarks = await render('??? ???');
    expect(norwegian.equals(questionMarks)).toBe(false);
    // Characters outside the font (CJK, emoji, a lone combining mark) degrade to "?".
    expect((await render('中文 😀')).equals(await render('?? ?'))).toBe(true);
    // A decomposed "å" (macOS input) is composed first and drawn like the precomposed letter.
    expect((await render('a\u030Ase')).equals(await render('åse'))).toBe(true);
    for (const odd of ['\u0000\u0007tab\there\nnew line', '\u0301', '', ' '.repeat(40), 'x'.repeat(5000)]) {
      const { text } = decode(await render(odd));
      expect(text).toBe(otpauthUri);
    }
  });

  it('keeps long names inside the image and the code scannable', async () => {
    const png = await renderTotpQrPng({
      otpauthUri,
      username: 'åse.ødegård.bjørnæs-kristiansen@sykehuset-østfold.helse-sør-øst.no',
      organisation: 'Helse Sør-Øst RHF – Sykehuset Østfold HF, Kalnes, avdeling for øre-nese-hals (ØNH) – Ærlig Ål Ødegård',
    });
    const { image, text } = decode(png);
    expect(text).toBe(otpauthUri);
    expect(image.width).toBeLessThanOrEqual(720);
  });

  it('writes a sample to look at (sample.png in a temp folder)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qr-sample-'));
    writeFileSync(
      join(dir, 'sample.png'),
      await renderTotpQrPng({ otpauthUri, username: 'Åse.Ødegård.Bjørnæs', organisation: 'Norsk Helsenett test – Blåbær & Ærfugl AS (é ü ñ ç ß ł)' }),
    );
  });
});

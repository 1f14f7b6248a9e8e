import { PNG } from 'pngjs';
import { create as createQrCode } from 'qrcode';
import { drawableText, LABEL_LINE_PX, renderLabelLine, textWidth, wrapLabel } from './qr-label';

export interface TotpQrInput {
  /** The otpauth:// URI holding the TOTP secret. Never logged, never cached: it only passes through. */
  otpauthUri: string;
  username: string;
  organisation: string;
}

/**
 * Sizes chosen for a code that is scanned from a screen or from paper: 8 px per module is large on any
 * display and survives printing; 4 modules of quiet zone is what ISO/IEC 18004 asks for; the text is
 * 28 px bold (qr-label.ts), readable without squinting.
 */
const MODULE_PX = 8;
const QUIET_ZONE_MODULES = 4;
const LINE_GAP_PX = 6;
const FIELD_GAP_PX = 12;
const BOTTOM_MARGIN_PX = 24;
/** The image may grow wider than the code so a long organisation name fits on one line, up to this. */
const MAX_TEXT_WIDTH_PX = 720;
const MAX_LINES_PER_FIELD = 3;

/**
 * Renders the otpauth URI as a QR code (error correction M) with the username and organisation
 * printed under it, so whoever receives the image can see whose code it is. Black on white.
 */
export async function renderTotpQrPng(input: TotpQrInput): Promise<Buffer> {
  // create() is synchronous; the function is async so callers need not change if rendering moves off-thread.
  const qr = createQrCode(input.otpauthUri, { errorCorrectionLevel: 'M' });
  const modules = qr.modules.size;
  const quietZonePx = QUIET_ZONE_MODULES * MODULE_PX;
  const codePx = modules * MODULE_PX + 2 * quietZonePx;

  const fields = [drawableText(input.username), drawableText(input.organisation)].filter((text) => text.length > 0);
  const widestPx = Math.max(0, ...fields.map(textWidth)) + 2 * quietZonePx;
  const width = Math.max(codePx, Math.min(widestPx, MAX_TEXT_WIDTH_PX));
  const blocks = fields.map((text) => wrapLabel(text, width - 2 * quietZonePx, MAX_LINES_PER_FIELD));

  const textHeightPx = blocks.reduce(
    (sum, lines, index) => sum + lines.length * LABEL_LINE_PX + (lines.length - 1) * LINE_GAP_PX + (index > 0 ? FIELD_GAP_PX : 0),
    0,
  );
  const height = codePx + (blocks.length > 0 ? textHeightPx + BOTTOM_MARGIN_PX : 0);

  const png = new PNG({ width, height });
  png.data.fill(255);

  const codeLeft = Math.floor((width - codePx) / 2) + quietZonePx;
  for (let row = 0; row < modules; row++) {
    for (let column = 0; column < modules; column++) {
      if (qr.modules.get(row, column)) fillBlack(png, codeLeft + column * MODULE_PX, quietZonePx + row * MODULE_PX, MODULE_PX, MODULE_PX);
    }
  }

  // The text starts below the code's bottom quiet zone, which must stay empty for scanners.
  let y = codePx;
  blocks.forEach((lines, index) => {
    if (index > 0) y += FIELD_GAP_PX;
    for (const line of lines) {
      const label = renderLabelLine(line, width);
      // Ink where the anti-aliased text covers at least half a pixel: the image stays pure black and white.
      for (let ly = 0; ly < label.height; ly++) {
        for (let lx = 0; lx < label.width; lx++) {
          if ((label.gray[ly * label.width + lx] ?? 255) < 128) fillBlack(png, lx, y + ly, 1, 1);
        }
      }
      y += LABEL_LINE_PX + LINE_GAP_PX;
    }
    y -= LINE_GAP_PX;
  });

  // Pure black and white: grayscale keeps the file small and is what every viewer and printer handles.
  return PNG.sync.write(png, { colorType: 0 });
}

/** Fills a rectangle with opaque black, clipped to the image. */
function fillBlack(image: PNG, x: number, y: number, width: number, height: number): void {
  for (let py = Math.max(0, y); py < Math.min(image.height, y + height); py++) {
    for (let px = Math.max(0, x); px < Math.min(image.width, x + width); px++) {
      const at = (py * image.width + px) * 4;
      image.data[at] = 0;
      image.data[at + 1] = 0;
      image.data[at + 2] = 0;
      image.data[at + 3] = 255;
    }
  }
}

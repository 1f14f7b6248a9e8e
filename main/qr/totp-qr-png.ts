import { PNG } from 'pngjs';
import { create as createQrCode } from 'qrcode';
import { drawTextLine, fillBlack, toDrawableCharacters, wrapText, type RgbaImage } from './bitmap-font';
import { miscFixedFont } from './misc-fixed-font';

export interface TotpQrInput {
  /** The otpauth:// URI holding the TOTP secret. Never logged, never cached: it only passes through. */
  otpauthUri: string;
  username: string;
  organisation: string;
}

/**
 * Sizes chosen for a code that is scanned from a screen or from paper: 8 px per module is large on any
 * display and survives printing; 4 modules of quiet zone is what ISO/IEC 18004 asks for; the text is
 * the 9x15 bold font at 2x (18 x 30 px per character), readable without squinting.
 */
const MODULE_PX = 8;
const QUIET_ZONE_MODULES = 4;
const TEXT_SCALE = 2;
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
  const font = miscFixedFont;
  // create() is synchronous; the function is async so callers need not change if rendering moves off-thread.
  const qr = createQrCode(input.otpauthUri, { errorCorrectionLevel: 'M' });
  const modules = qr.modules.size;
  const quietZonePx = QUIET_ZONE_MODULES * MODULE_PX;
  const codePx = modules * MODULE_PX + 2 * quietZonePx;

  const charPx = font.cellWidth * TEXT_SCALE;
  const lineHeightPx = font.cellHeight * TEXT_SCALE;
  const fields = [toDrawableCharacters(font, input.username.trim()), toDrawableCharacters(font, input.organisation.trim())];
  const widestPx = Math.max(...fields.map((chars) => chars.length * charPx)) + 2 * quietZonePx;
  const width = Math.max(codePx, Math.min(widestPx, MAX_TEXT_WIDTH_PX));
  const maxColumns = Math.floor((width - 2 * quietZonePx) / charPx);
  const blocks = fields.filter((chars) => chars.length > 0).map((chars) => wrapText(chars, maxColumns, MAX_LINES_PER_FIELD));

  const textHeightPx = blocks.reduce(
    (sum, lines, index) => sum + lines.length * lineHeightPx + (lines.length - 1) * LINE_GAP_PX + (index > 0 ? FIELD_GAP_PX : 0),
    0,
  );
  const height = codePx + (blocks.length > 0 ? textHeightPx + BOTTOM_MARGIN_PX : 0);

  const png = new PNG({ width, height });
  png.data.fill(255);
  const image: RgbaImage = png;

  const codeLeft = Math.floor((width - codePx) / 2) + quietZonePx;
  for (let row = 0; row < modules; row++) {
    for (let column = 0; column < modules; column++) {
      if (qr.modules.get(row, column)) {
        fillBlack(image, codeLeft + column * MODULE_PX, quietZonePx + row * MODULE_PX, MODULE_PX, MODULE_PX);
      }
    }
  }

  // The text starts below the code's bottom quiet zone, which must stay empty for scanners.
  let y = codePx;
  blocks.forEach((lines, index) => {
    if (index > 0) y += FIELD_GAP_PX;
    for (const line of lines) {
      drawTextLine(image, font, line, centred(width, line.length * charPx), y, TEXT_SCALE);
      y += lineHeightPx + LINE_GAP_PX;
    }
    y -= LINE_GAP_PX;
  });

  // Pure black and white: grayscale keeps the file small and is what every viewer and printer handles.
  return PNG.sync.write(png, { colorType: 0 });
}

function centred(width: number, contentWidth: number): number {
  return Math.floor((width - contentWidth) / 2);
}


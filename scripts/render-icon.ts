/**
 * `npm run icons`: renders build/icon-source.svg to build/icon.png (1024 × 1024, transparent corners),
 * the one image electron-builder makes every platform's icon from (.icns, .ico, Linux sizes).
 * Run it after changing the SVG and commit both files. Uses Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { PNG } from 'pngjs';

const ICON_SIZE = 1024;

const buildDir = join(import.meta.dirname, '..', 'build');
const svg = readFileSync(join(buildDir, 'icon-source.svg'), 'utf8');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: ICON_SIZE, height: ICON_SIZE }, deviceScaleFactor: 1 });
  await page.setContent(
    `<!doctype html><html><body style="margin:0;background:transparent">${svg.replace('<svg ', '<svg style="display:block" ')}</body></html>`,
  );
  const image = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: ICON_SIZE, height: ICON_SIZE } });
  const png = PNG.sync.read(image);
  if (png.width !== ICON_SIZE || png.height !== ICON_SIZE) throw new Error(`rendered ${png.width}×${png.height}, expected ${ICON_SIZE}×${ICON_SIZE}`);
  // Re-encoded with pngjs at the highest compression: the file is committed.
  writeFileSync(join(buildDir, 'icon.png'), PNG.sync.write(png, { deflateLevel: 9 }));
  console.log(`build/icon.png: ${ICON_SIZE}×${ICON_SIZE}`);
} finally {
  await browser.close();
}

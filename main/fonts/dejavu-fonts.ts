import { createRequire } from 'node:module';

/**
 * The app's TrueType fonts (the PDF report and the label under QR codes), shipped with the app in the
 * dejavu-fonts-ttf package (Bitstream Vera licence + public-domain DejaVu changes: free to
 * redistribute with the app).
 *
 * Why not pdfkit's built-in Helvetica: the 14 standard PDF fonts only encode WinAnsi, which has æøå
 * but not the Sámi letters (Č, Đ, Ŋ, Š, Ŧ, Ž) that vendor and group names may contain. DejaVu covers
 * Latin Extended-A and -B; the condensed cut fits the report's nine columns on an A4 landscape page.
 *
 * Resolved through Node's module resolution from this file, so it finds the package in node_modules in
 * development, in tests and inside the packaged app (main's dependencies are not bundled).
 *
 * Not named `require`: electron-vite declares its own `require` at the top of an ES bundle that uses
 * one, and a second declaration makes the whole main bundle fail to parse.
 */
const resolveFromHere = createRequire(import.meta.url);

export interface DejavuFontFiles {
  regular: string;
  bold: string;
}

export function dejavuFontFiles(): DejavuFontFiles {
  return {
    regular: resolveFromHere.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf'),
    bold: resolveFromHere.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf'),
  };
}

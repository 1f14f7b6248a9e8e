import { extname } from 'node:path';
import type { MainTexts } from '../i18n/main-texts';

export interface SaveDialogKind {
  title: string;
  filters: Array<{ name: string; extensions: string[] }>;
}

const kinds: Record<string, (t: MainTexts) => SaveDialogKind> = {
  '.png': (t) => ({ title: t.saveQrCodeTitle, filters: [{ name: t.pngFileType, extensions: ['png'] }] }),
  '.csv': (t) => ({ title: t.saveCsvTitle, filters: [{ name: t.csvFileType, extensions: ['csv'] }] }),
  '.pdf': (t) => ({ title: t.savePdfTitle, filters: [{ name: t.pdfFileType, extensions: ['pdf'] }] }),
};

/**
 * The save dialog's title and file type follow what is saved, named by the default file name's extension,
 * in the app's language (the dialog's own buttons are the operating system's).
 */
export function saveDialogKind(defaultFileName: string, texts: MainTexts): SaveDialogKind {
  const kind = kinds[extname(defaultFileName).toLowerCase()];
  if (!kind) throw new Error(`No save dialog is defined for ${defaultFileName}`);
  return kind(texts);
}

import { extname } from 'node:path';

export interface SaveDialogKind {
  title: string;
  filters: Array<{ name: string; extensions: string[] }>;
}

const kinds: Record<string, SaveDialogKind> = {
  '.png': { title: 'Lagre QR-kode', filters: [{ name: 'PNG-bilde', extensions: ['png'] }] },
  '.csv': { title: 'Lagre eksport (CSV)', filters: [{ name: 'CSV (Excel)', extensions: ['csv'] }] },
  '.pdf': { title: 'Lagre rapport (PDF)', filters: [{ name: 'PDF-dokument', extensions: ['pdf'] }] },
};

/** The save dialog's title and file type follow what is saved, named by the default file name's extension. */
export function saveDialogKind(defaultFileName: string): SaveDialogKind {
  const kind = kinds[extname(defaultFileName).toLowerCase()];
  if (!kind) throw new Error(`No save dialog is defined for ${defaultFileName}`);
  return kind;
}

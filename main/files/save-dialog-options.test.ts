import { describe, expect, it } from 'vitest';
import { mainTexts } from '../i18n/main-texts';
import { saveDialogKind } from './save-dialog-options';

const nb = mainTexts('nb');

describe('the save dialog for each kind of file', () => {
  it('offers the file type of what is saved', () => {
    expect(saveDialogKind('qr-kode-ola.nordmann.png', nb)).toMatchObject({ title: 'Lagre QR-kode', filters: [{ name: 'PNG-bilde', extensions: ['png'] }] });
    expect(saveDialogKind('revisjonslogg-2026-11-30.csv', nb).filters[0]!.extensions).toEqual(['csv']);
    expect(saveDialogKind('tilgangsgjennomgang-høst-2026-11-30.PDF', nb).filters[0]!.extensions).toEqual(['pdf']);
  });

  it("is titled in the app's language, not the operating system's", () => {
    const en = mainTexts('en');
    expect(saveDialogKind('qr-kode-ola.nordmann.png', en)).toMatchObject({ title: 'Save QR code', filters: [{ name: 'PNG image' }] });
    expect(saveDialogKind('revisjonslogg-2026-11-30.csv', en).title).toBe('Save export (CSV)');
    expect(saveDialogKind('tilgangsgjennomgang-2026-11-30.pdf', en)).toMatchObject({ title: 'Save report (PDF)', filters: [{ name: 'PDF document' }] });
  });

  it('refuses a file kind it does not know rather than offering the wrong one', () => {
    expect(() => saveDialogKind('notes.txt', nb)).toThrow(/No save dialog/);
  });
});

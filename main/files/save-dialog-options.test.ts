import { describe, expect, it } from 'vitest';
import { saveDialogKind } from './save-dialog-options';

describe('the save dialog for each kind of file', () => {
  it('offers the file type of what is saved', () => {
    expect(saveDialogKind('qr-kode-ola.nordmann.png')).toMatchObject({ title: 'Lagre QR-kode', filters: [{ extensions: ['png'] }] });
    expect(saveDialogKind('revisjonslogg-2026-11-30.csv').filters[0]!.extensions).toEqual(['csv']);
    expect(saveDialogKind('tilgangsgjennomgang-høst-2026-11-30.PDF').filters[0]!.extensions).toEqual(['pdf']);
  });

  it('refuses a file kind it does not know rather than offering the wrong one', () => {
    expect(() => saveDialogKind('notes.txt')).toThrow(/No save dialog/);
  });
});

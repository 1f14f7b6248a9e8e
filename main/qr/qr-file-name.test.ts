import { describe, expect, it } from 'vitest';
import { defaultQrFileName } from './qr-file-name';

describe('defaultQrFileName', () => {
  it('is <username>-totp.png', () => {
    expect(defaultQrFileName('kari.nordmann')).toBe('kari.nordmann-totp.png');
    expect(defaultQrFileName('Åse.Ødegård')).toBe('Åse.Ødegård-totp.png');
  });

  it('replaces characters Windows or macOS do not allow in a file name', () => {
    expect(defaultQrFileName('nhn\\kari:ola/<x>|"y"?*')).toBe('nhn_kari_ola__x___y___-totp.png');
  });

  it('drops control and invisible characters, a leading dot and surrounding spaces', () => {
    expect(defaultQrFileName(' ..evil\u202Egnp.exe\u0000 ')).toBe('evilgnp.exe-totp.png');
  });

  it('composes decomposed letters, as macOS may hand them over', () => {
    expect(defaultQrFileName('A\u030Ase')).toBe('Åse-totp.png');
  });

  it('falls back to a neutral name when nothing is left', () => {
    expect(defaultQrFileName('')).toBe('bruker-totp.png');
    expect(defaultQrFileName('...')).toBe('bruker-totp.png');
  });

  it('stays within file system name limits without splitting a letter', () => {
    const name = defaultQrFileName('ø'.repeat(300));
    expect(Buffer.byteLength(name, 'utf8')).toBeLessThanOrEqual(255);
    expect(name).toBe(`${'ø'.repeat(100)}-totp.png`);
  });
});

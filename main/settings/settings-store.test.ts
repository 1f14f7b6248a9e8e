import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsStore } from './settings-store';

const profile = { id: 'nhn', name: 'Norsk Helsenett', portalUrl: 'https://kunde.example', issuer: 'https://id.example', clientId: 'fjernhjelp-admin' };

describe('SettingsStore', () => {
  it('persists profiles, the active profile and subjects across instances, owner-only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'settings-'));
    const first = new SettingsStore(dir);
    first.saveProfile(profile);
    first.setActiveProfile('nhn');
    first.set('nhn', 'user-1');

    const second = new SettingsStore(dir);
    expect(second.profiles).toEqual([profile]);
    expect(second.activeProfileId).toBe('nhn');
    expect(second.get('nhn')).toBe('user-1');
    second.set('nhn', undefined);
    expect(new SettingsStore(dir).get('nhn')).toBeUndefined();
    if (process.platform !== 'win32') expect(statSync(join(dir, 'settings.json')).mode & 0o777).toBe(0o600);
  });

  it('refuses a remote portal over plain http', () => {
    const store = new SettingsStore(mkdtempSync(join(tmpdir(), 'settings-')));
    expect(() => store.saveProfile({ ...profile, portalUrl: 'http://kunde.example' })).toThrow(/https/);
    expect(() => store.saveProfile({ ...profile, issuer: 'http://127.0.0.1:4000/oidc', portalUrl: 'http://127.0.0.1:4000' })).not.toThrow();
  });

  it('starts empty from a damaged file instead of failing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'settings-'));
    writeFileSync(join(dir, 'settings.json'), '{ not json');
    expect(new SettingsStore(dir).profiles).toEqual([]);
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe('{ not json');
  });
});

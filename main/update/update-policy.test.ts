import { describe, expect, it } from 'vitest';
import { decideAutoUpdate, type InstallFacts, UPDATE_CHECK_INTERVAL_MS, UPDATE_FEED_ENV, updateFeedFromEnv } from './update-policy';

describe('updateFeedFromEnv', () => {
  it('is undefined when no feed is set, or only whitespace', () => {
    expect(updateFeedFromEnv({})).toBeUndefined();
    expect(updateFeedFromEnv({ [UPDATE_FEED_ENV]: '' })).toBeUndefined();
    expect(updateFeedFromEnv({ [UPDATE_FEED_ENV]: '  ' })).toBeUndefined();
  });

  it('takes an https folder URL and ends it with a slash', () => {
    expect(updateFeedFromEnv({ [UPDATE_FEED_ENV]: 'https://updates.example.no/fjernhjelp' })).toBe('https://updates.example.no/fjernhjelp/');
    expect(updateFeedFromEnv({ [UPDATE_FEED_ENV]: ' https://updates.example.no/a/ ' })).toBe('https://updates.example.no/a/');
  });

  it.each([
    ['http://updates.example.no/', /https/],
    ['file:///srv/updates/', /https/],
    ['updates.example.no', /not a URL/],
    ['https://user:pw@updates.example.no/', /credentials/],
    ['https://updates.example.no/?token=abc', /query/],
    ['https://updates.example.no/#x', /fragment/],
  ])('refuses %s', (value, message) => {
    expect(() => updateFeedFromEnv({ [UPDATE_FEED_ENV]: value })).toThrow(message);
  });
});

describe('decideAutoUpdate', () => {
  const nsis: InstallFacts = { packaged: true, platform: 'win32', hasUpdateConfig: true, hasNsisUninstaller: true, runsAsAppImage: false };

  it('updates an NSIS install, a mac app and an AppImage that have a feed', () => {
    expect(decideAutoUpdate(nsis)).toEqual({ enabled: true });
    expect(decideAutoUpdate({ ...nsis, platform: 'darwin', hasNsisUninstaller: false })).toEqual({ enabled: true });
    expect(decideAutoUpdate({ ...nsis, platform: 'linux', hasNsisUninstaller: false, runsAsAppImage: true })).toEqual({ enabled: true });
  });

  it.each<[string, Partial<InstallFacts>, RegExp]>([
    ['unpackaged (npm start)', { packaged: false }, /not packaged/],
    ['built without a feed', { hasUpdateConfig: false }, /no update feed/],
    ['an MSI install', { hasNsisUninstaller: false }, /MSI/],
    ['a deb install', { platform: 'linux', hasNsisUninstaller: false, runsAsAppImage: false }, /deb/],
    ['another platform', { platform: 'freebsd' }, /unsupported/],
  ])('is off for %s', (_name, facts, reason) => {
    const decision = decideAutoUpdate({ ...nsis, ...facts });
    expect(decision.enabled).toBe(false);
    expect(decision.enabled === false && decision.reason).toMatch(reason);
  });

  it('checks every few hours', () => {
    expect(UPDATE_CHECK_INTERVAL_MS).toBeGreaterThanOrEqual(60 * 60 * 1000);
    expect(UPDATE_CHECK_INTERVAL_MS).toBeLessThanOrEqual(12 * 60 * 60 * 1000);
  });
});

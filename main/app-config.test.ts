import { describe, expect, it } from 'vitest';
import { demoAtStart } from './app-config';

describe('demoAtStart', () => {
  it('keeps an installed copy on the portal choice unless asked for the demo', () => {
    expect(demoAtStart({ packaged: true, argv: ['/opt/Fjernhjelp Admin/fjernhjelp-admin'] })).toBe(false);
    expect(demoAtStart({ packaged: true, argv: [] })).toBe(false);
    expect(demoAtStart({ packaged: true, argv: ['/opt/app', '--no-demo'] })).toBe(false);
  });

  it('starts the demo in an installed copy when started with --demo', () => {
    expect(demoAtStart({ packaged: true, argv: ['/opt/app', '--demo'] })).toBe(true);
  });

  it('opens the demo from the repository (npm start) unless --no-demo is given', () => {
    expect(demoAtStart({ packaged: false, argv: ['/usr/bin/electron', '.'] })).toBe(true);
    expect(demoAtStart({ packaged: false, argv: [] })).toBe(true);
    expect(demoAtStart({ packaged: false, argv: ['/usr/bin/electron', '.', '--no-demo'] })).toBe(false);
  });

  it('lets --demo win over --no-demo', () => {
    expect(demoAtStart({ packaged: false, argv: ['--no-demo', '--demo'] })).toBe(true);
    expect(demoAtStart({ packaged: true, argv: ['--demo', '--no-demo'] })).toBe(true);
  });

  it('matches whole arguments only, not values or look-alikes', () => {
    expect(demoAtStart({ packaged: true, argv: ['--demo=false'] })).toBe(false);
    expect(demoAtStart({ packaged: true, argv: ['--demonstrate', 'demo', '-demo'] })).toBe(false);
    expect(demoAtStart({ packaged: false, argv: ['--no-demo-please'] })).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { createRendererRecovery } from './renderer-recovery';

describe('recovering from a renderer that went away', () => {
  it('reloads after a crash, and asks when it crashes again within the window', () => {
    const decide = createRendererRecovery(60_000);
    expect(decide('crashed', 0)).toBe('reload');
    expect(decide('oom', 59_999)).toBe('ask');
  });

  it('reloads again once the window has passed since the last reload', () => {
    const decide = createRendererRecovery(60_000);
    expect(decide('killed', 0)).toBe('reload');
    expect(decide('crashed', 60_000)).toBe('reload');
  });

  it('does nothing for a clean exit and asks on an integrity failure', () => {
    const decide = createRendererRecovery();
    expect(decide('clean-exit', 0)).toBe('none');
    expect(decide('integrity-failure', 0)).toBe('ask');
  });
});

import { test as base } from '@playwright/test';
import { startHarnessProcess, type HarnessProcess } from './harness-process';

export { demoAdminCode, signInAndActivate, signInThroughBrowser, startHarnessProcess, type HarnessProcess, type HarnessStartOptions } from './harness-process';

/** One harness per worker, for specs that only need the app shell. */
export const test = base.extend<object, { harness: HarnessProcess }>({
  harness: [
    async ({}, use) => {
      const harness = await startHarnessProcess();
      try {
        await use(harness);
      } finally {
        await harness.stop();
      }
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';

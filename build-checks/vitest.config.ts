import { defineConfig } from 'vitest/config';

/** Checks of what `npm run build` produced (run after it, by `npm test`); the unit tests are separate. */
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    environment: 'node',
    // One temporary folder per run, removed at its end (scripts/testing/temp-root.ts).
    globalSetup: ['../scripts/testing/temp-root.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
  },
});

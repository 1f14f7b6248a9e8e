import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{common,main,preload,server,harness,scripts}/**/*.test.ts'],
    environment: 'node',
    // One temporary folder per run, removed at its end (scripts/testing/temp-root.ts).
    globalSetup: ['scripts/testing/temp-root.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});

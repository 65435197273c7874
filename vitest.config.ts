import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    setupFiles: ['test/setup-fast-check.ts'],
    testTimeout: 30_000,
    // Two cores: keep workers to two so that spawned CLIs and servers do not starve.
    maxWorkers: 2,
  },
});

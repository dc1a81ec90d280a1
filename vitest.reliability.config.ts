import { defineConfig } from 'vitest/config';

/**
 * `npm run test:reliability` (issue 15, docs/reliability.md): the reliability and security suite.
 * One file at a time: several rows measure throughput, timing or memory and must not share the CPU.
 */
export default defineConfig({
  test: {
    include: ['tests/reliability/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/reliability/support/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 240_000,
  },
});

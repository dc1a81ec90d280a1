import { defineConfig } from 'vitest/config';

/** `npm run test:failover` (ADR 0030): the local cluster and a failover; not part of `npm test`. */
export default defineConfig({
  test: {
    include: ['tests/cluster/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});

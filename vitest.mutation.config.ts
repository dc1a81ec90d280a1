/**
 * The tests StrykerJS runs against the mutants (`npm run test:mutation`, docs/testing.md).
 * Rules and dates (stryker.config.mjs): the unit tests, which prove the pure rules with a fixed
 * clock, without a database. Search (stryker.search.config.mjs, MUTATION_SCOPE=search): the unit
 * tests and the integration tests that search, show and index jobs; each of those opens its own
 * PGlite database copied from the template the global setup builds.
 */
import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

const search = process.env.MUTATION_SCOPE === 'search';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'tests/unit/**/*.test.ts',
      ...(search
        ? [
            'tests/integration/search*.test.ts',
            'tests/integration/jobs-*.test.ts',
            'tests/integration/staff-seekers.test.ts',
            'tests/integration/daily-jobs.test.ts',
          ]
        : []),
    ],
    globalSetup: search ? base.test?.globalSetup : [],
  },
});

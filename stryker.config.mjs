// @ts-check
/**
 * Mutation testing (issue 8) of the rules, search and the Tokyo calendar against the unit tests:
 * fast, and the pure code is proved there. The search files that only reach the database
 * (search.query.ts's SQL, the repositories and use cases) are left without coverage here and are
 * tested against the integration tests by stryker.search.config.mjs. How to run, the scores and
 * the surviving mutants: docs/testing.md.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
const config = {
  packageManager: 'npm',
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', pool: 'forks', related: true },
  mutate: ['src/modules/**/*.rules.ts', 'src/modules/search/**/*.ts', 'src/platform/dates.ts'],
  ignorePatterns: ['.tools', 'data', 'bench', 'docs', 'reports', 'test-results', 'playwright-report', 'coverage'],
  coverageAnalysis: 'perTest',
  // A static mutant (a module-level constant) reruns every test file: ignored, counted apart.
  ignoreStatic: true,
  concurrency: 1,
  timeoutMS: 10_000,
  incremental: true,
  incrementalFile: 'reports/mutation/unit.incremental.json',
  // TypeScript 7 has no JS API for Stryker's tsconfig rewriter; tsconfig.json points nowhere outside
  // the project, so the sandbox keeps it as it is.
  tsconfigFile: 'tsconfig.stryker-none.json',
  tempDirName: '.stryker-tmp',
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/unit.json' },
  htmlReporter: { fileName: 'reports/mutation/unit.html' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 90, low: 80, break: null },
};
export default config;

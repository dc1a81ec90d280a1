// @ts-check
/**
 * Mutation testing (issue 8) of the search code that talks to the database — the SQL of
 * search.query.ts, the repositories, reindexing and the list use cases — against the unit tests
 * and the integration tests that search, show and index jobs (vitest.mutation.config.ts with
 * MUTATION_SCOPE=search). Slow: every mutant run opens PGlite databases; see docs/testing.md.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
import base from './stryker.config.mjs';

process.env.MUTATION_SCOPE = 'search';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  ...base,
  // search.query.ts without its cost model and in-memory sort (lines 107–166 and 238–260), which
  // the unit tests cover in stryker.config.mjs: the WHERE and ORDER BY of SR-1, the planner settings
  // and the choice of statements, the statistics cache and its pg_stats query, the run. (Line
  // ranges: update them when search.query.ts changes.)
  mutate: [
    'src/modules/search/search.query.ts:46-105',
    'src/modules/search/search.query.ts:168-236',
    'src/modules/search/search.query.ts:262-352',
    'src/modules/search/search.repository.ts',
    'src/modules/search/seeker-lists.repository.ts',
    'src/modules/search/reindex-job.ts',
    'src/modules/search/add-favorite.ts',
    'src/modules/search/save-search.ts',
  ],
  // Integration tests open a database per file: a slow mutant run is not a hang.
  timeoutMS: 30_000,
  incrementalFile: 'reports/mutation/search.incremental.json',
  jsonReporter: { fileName: 'reports/mutation/search.json' },
  htmlReporter: { fileName: 'reports/mutation/search.html' },
};
export default config;

// Mutation testing of the server files that carry identity, ingest, loyalty and NPS guarantees.
// Runs on PGlite only (TEST_DATABASE_URL unset by run.ts): each mutant reruns the tests that
// cover it, and PostgreSQL would double that without exercising other code. run.ts runs one
// group of server-groups.ts at a time: RAPPORT_MUTATION_FILES names its files, and the group's
// report goes to reports/server-<group>.json.
const group = process.env.RAPPORT_MUTATION_GROUP;
const files = process.env.RAPPORT_MUTATION_FILES;
const report = `test/mutation/reports/server${group ? `-${group}` : ''}.json`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'test/mutation/vitest.server.config.ts', related: false },
  coverageAnalysis: 'perTest',
  mutate: files
    ? files.split(',')
    : [
        'packages/server/src/identity.ts',
        'packages/server/src/routes/batch.ts',
        'packages/server/src/ingest-queue.ts',
        'packages/server/src/store/ingest.ts',
        'packages/server/src/store/loyalty-ledger.ts',
        'packages/server/src/store/nps.ts',
        'packages/server/src/middleware/public-access.ts',
      ],
  reporters: ['json', 'clear-text', 'progress'],
  jsonReporter: { fileName: report },
  // A rerun reads the last report and tests again only the mutants whose code or covering
  // tests changed (`--force` for all): a group of PGlite-backed tests takes minutes a run.
  incremental: true,
  incrementalFile: report,
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['**/dist', 'test/bench', 'docs', '**/.rapport', 'test/mutation/reports'],
  concurrency: 2,
  timeoutMS: 20000,
  cleanTempDir: 'always',
};

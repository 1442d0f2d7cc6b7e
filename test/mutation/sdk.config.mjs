// Mutation testing of the SDK files that carry the delivery and consent guarantees.
// Run through `npm run mutate` (test/mutation/run.ts), not directly.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'test/mutation/vitest.sdk.config.ts', related: false },
  coverageAnalysis: 'perTest',
  mutate: [
    'packages/sdk/src/outbox/**/*.ts',
    'packages/sdk/src/client.ts',
    'packages/sdk/src/lifecycle.ts',
    'packages/sdk/src/reader.ts',
  ],
  reporters: ['json', 'clear-text', 'progress'],
  jsonReporter: { fileName: 'test/mutation/reports/sdk.json' },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['**/dist', 'test/bench', 'docs', '**/.rapport', 'test/mutation/reports'],
  concurrency: 2,
  timeoutMS: 10000,
  cleanTempDir: 'always',
};

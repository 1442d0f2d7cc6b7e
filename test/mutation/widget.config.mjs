// Mutation testing of the widget components that render text from the server, and the focus trap.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'test/mutation/vitest.widget.config.ts', related: false },
  coverageAnalysis: 'perTest',
  mutate: [
    'packages/widget/src/panels/NpsSurvey.tsx',
    'packages/widget/src/panels/CsatSurvey.tsx',
    'packages/widget/src/panels/Inbox.tsx',
    'packages/widget/src/components/SurveyFollowUp.tsx',
    'packages/widget/src/components/RewardList.tsx',
    'packages/widget/src/components/TierSummary.tsx',
    'packages/widget/src/components/LoyaltyActivity.tsx',
    'packages/widget/src/components/focus.ts',
  ],
  // Class names and ids in JSX are styling hooks, not behaviour: mutating them tests the CSS.
  mutator: { excludedMutations: ['StringLiteral'] },
  reporters: ['json', 'clear-text', 'progress'],
  jsonReporter: { fileName: 'test/mutation/reports/widget.json' },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['**/dist', 'test/bench', 'docs', '**/.rapport', 'test/mutation/reports'],
  concurrency: 2,
  timeoutMS: 15000,
  cleanTempDir: 'always',
};

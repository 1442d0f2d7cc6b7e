import { defineProject } from 'vitest/config';

// The end-to-end suite drives real Chromium against a real server, one browser and one
// server per file. Files run one after another: the machine has two cores and each file
// already runs a database, a server and a browser.
export default defineProject({
  // @rapport/* resolve to their TypeScript sources (tsconfig.json paths), not to dist/.
  resolve: { tsconfigPaths: true },
  test: {
    name: 'e2e',
    include: ['*.test.ts'],
    globalSetup: ['./global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

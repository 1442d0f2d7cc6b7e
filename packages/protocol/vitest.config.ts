import { defineProject } from 'vitest/config';

export default defineProject({
  // @rapport/* resolve to their TypeScript sources (tsconfig.json paths), not to dist/.
  resolve: { tsconfigPaths: true },
  test: {
    name: 'protocol',
    include: ['test/**/*.test.ts'],
  },
});

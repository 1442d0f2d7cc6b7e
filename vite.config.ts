import { defineConfig } from 'vitest/config';

// One vitest project per package (each package's own vitest.config.ts), plus the
// end-to-end suite in test/e2e. `npm test` runs them all.
export default defineConfig({
  test: {
    projects: ['packages/*', 'test/e2e'],
  },
});

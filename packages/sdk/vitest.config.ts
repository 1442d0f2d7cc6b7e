import { defineProject } from 'vitest/config';

export default defineProject({
  // @rapport/* resolve to their TypeScript sources (tsconfig.json paths), not to dist/.
  resolve: { tsconfigPaths: true },
  test: {
    name: 'sdk',
    include: ['test/**/*.test.ts'],
    // Test files restore their globals and timers, so they can share a module cache: msw and
    // the SDK are then loaded once per worker instead of once per file.
    isolate: false,
    // The public types are checked by the compiler: an `expectTypeOf` that runs as ordinary
    // code asserts nothing, so a widened type would pass `vitest run`.
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.types-test.json',
    },
  },
});

import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'sdk',
    include: ['test/**/*.test.ts'],
    // Each file gets its own module cache. Shared, a client left running by one file could
    // send through the next file's msw server on a slow machine and fail a test there.
    isolate: true,
    // The public types are checked by the compiler: an `expectTypeOf` that runs as ordinary
    // code asserts nothing, so a widened type would pass `vitest run`.
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.types-test.json',
    },
  },
});

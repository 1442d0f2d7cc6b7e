import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'sdk',
    include: ['test/**/*.test.ts'],
    // Test files restore their globals and timers, so they can share a module cache: msw and
    // the SDK are then loaded once per worker instead of once per file.
    isolate: false,
  },
});

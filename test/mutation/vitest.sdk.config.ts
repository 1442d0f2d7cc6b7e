import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import project from '../../packages/sdk/vitest.config';

// The SDK's tests rooted at their package, so Stryker runs them and nothing else (the root
// config's projects include the end-to-end suite). Type tests are the compiler's, not Stryker's.
// Isolated files: with shared modules Stryker records per-test coverage only for the first
// files each worker runs, and reports covered code as never run.
export default mergeConfig(
  project,
  defineConfig({
    root: fileURLToPath(new URL('../../packages/sdk', import.meta.url)),
    test: { typecheck: { enabled: false }, isolate: true },
  }),
);

import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import project from '../../packages/widget/vitest.config';

// The widget package's tests rooted at their package, so Stryker runs them and nothing else
// (the root config's projects include the end-to-end suite). The built-bundle test reads
// dist/, which mutants never reach: it would only fail on the sandbox's missing build.
export default mergeConfig(
  project,
  defineConfig({
    root: fileURLToPath(new URL('../../packages/widget', import.meta.url)),
    test: { exclude: ['**/node_modules/**', 'test/built-bundle.test.ts'] },
  }),
);

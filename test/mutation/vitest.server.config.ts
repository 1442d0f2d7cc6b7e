import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import project from '../../packages/server/vitest.config';

// The server package's tests rooted at their package, so Stryker runs them and nothing else (the
// root config's projects include the end-to-end suite).
export default mergeConfig(
  project,
  defineConfig({
    root: fileURLToPath(new URL('../../packages/server', import.meta.url)),
  }),
);

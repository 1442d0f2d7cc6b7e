import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import project from '../../packages/server/vitest.config';
import { selectedGroup } from './server-groups';

// The server package's tests rooted at their package, so Stryker runs them and nothing else (the
// root config's projects include the end-to-end suite). Isolated files (vitest's default, stated
// because the SDK needed it): with shared modules Stryker records per-test coverage only for the
// first files each worker runs.
const config = mergeConfig(
  project,
  defineConfig({
    root: fileURLToPath(new URL('../../packages/server', import.meta.url)),
    test: { isolate: true },
  }),
);
// With a group chosen (run.ts), only that group's test files: set, not merged, since
// mergeConfig would append them to the package's own `test/**` pattern.
const group = selectedGroup();
if (group) {
  config.test = { ...config.test, include: group.tests };
  if ('testNamePattern' in group) config.test.testNamePattern = group.testNamePattern;
}
export default config;

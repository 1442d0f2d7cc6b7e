import { defineConfig } from 'tsdown';

// Declarations only: scripts/build.mjs (esbuild) writes the JavaScript, split into the
// script-tag files and the ESM build. This bundles src/index.ts's public types into
// dist/index.d.ts, so a consumer's compiler never reads the Preact JSX sources.
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: 'esm',
  platform: 'browser',
  clean: false,
  dts: { emitDtsOnly: true },
});

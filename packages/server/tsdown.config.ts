import { defineConfig } from 'tsdown';

// One output file per source module, so paths read from import.meta.url (the migrations
// folder, the package's own directory) stay the same in dist/ as in src/.
export default defineConfig({
  entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  unbundle: true,
  fixedExtension: false,
  dts: true,
  copy: [{ from: 'src/migrations', to: 'dist' }],
});

/**
 * Builds the widget with esbuild:
 *   dist/rapport.js  IIFE for the script tag, minified, everything bundled (SDK with fetchTransport,
 *                    Preact, signals; no ky)
 *   dist/index.js    ESM for bundlers, with preact, @preact/signals and @rapport/sdk left external
 * and prints what takes the bytes in rapport.js (from esbuild's metafile).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { cssTextPlugin } from './css-text-plugin.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');

const common = {
  absWorkingDir: root,
  bundle: true,
  jsx: 'automatic',
  jsxImportSource: 'preact',
  // ES2022 keeps class fields and #private native (Chrome 91+, Safari 15+, Firefox 90+): smaller output.
  target: 'es2022',
  legalComments: 'none',
  // Keep the French strings' accents as UTF-8 bytes instead of \u escapes (fewer bytes).
  charset: 'utf8',
  plugins: [cssTextPlugin],
  logLevel: 'warning',
};

const iife = await build({
  ...common,
  entryPoints: ['src/script-tag.ts'],
  outfile: 'dist/rapport.js',
  format: 'iife',
  minify: true,
  metafile: true,
  define: { 'process.env.NODE_ENV': '"production"' },
});

await build({
  ...common,
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.js',
  format: 'esm',
  external: ['preact', 'preact/*', '@preact/signals', '@rapport/sdk'],
});

await mkdir(join(root, 'dist'), { recursive: true });
await writeFile(join(root, 'dist/meta.json'), JSON.stringify(iife.metafile));
if (!quiet) printSummary(iife.metafile);

/** Bytes of minified output per package (or per widget folder), largest first. */
function printSummary(metafile) {
  const output = metafile.outputs['dist/rapport.js'];
  const groups = new Map();
  for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
    const match = file.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
    const name = match ? match[1] : file.replace(/^(\.\.\/)+/, '').replace(/\/[^/]+$/, '/');
    groups.set(name, (groups.get(name) ?? 0) + bytesInOutput);
  }
  console.log(`dist/rapport.js: ${output.bytes} bytes minified; by source:`);
  for (const [name, bytes] of [...groups].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${String(bytes).padStart(6)}  ${name}`);
  }
}

/**
 * Prints the transfer size of dist/rapport.js (min, min+gzip, min+brotli) and of the inline
 * loader snippet, and fails when over budget: 18 KB brotli for the bundle, 1 KB for the snippet.
 * Run `npm run build -w @rapport/widget` first.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE_BUDGET = 18 * 1024;
const SNIPPET_BUDGET = 1024;

const sizes = (buffer) => ({
  min: buffer.length,
  gzip: gzipSync(buffer, { level: 9 }).length,
  brotli: brotliCompressSync(buffer, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
    },
  }).length,
});
const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;

const bundle = sizes(await readFile(join(root, 'dist/rapport.js')));
const snippet = sizes(await readFile(join(root, 'loader-snippet.txt')));

console.log(
  `dist/rapport.js      min ${kb(bundle.min)}  gzip ${kb(bundle.gzip)}  brotli ${kb(bundle.brotli)}  (budget ${kb(BUNDLE_BUDGET)} brotli)`,
);
console.log(
  `loader-snippet.txt  raw ${kb(snippet.min)}  gzip ${kb(snippet.gzip)}  brotli ${kb(snippet.brotli)}  (budget ${kb(SNIPPET_BUDGET)} raw)`,
);

const over = [];
if (bundle.brotli > BUNDLE_BUDGET) over.push('dist/rapport.js is over its brotli budget');
if (snippet.min > SNIPPET_BUDGET) over.push('the loader snippet is over 1 KB');
for (const message of over) console.error(`size: ${message}`);
process.exitCode = over.length ? 1 : 0;

/**
 * Prints the transfer size (min, min+gzip, min+brotli) of each script-tag file — rapport.js,
 * loaded by every page, and the chunks it loads on intent — and of the inline loader snippet,
 * and fails when over budget: 8 KB brotli for rapport.js, 30 KB brotli for all chunks
 * together, 1 KB for the snippet. Run `npm run build -w @rapport/widget` first.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FIRST_LOAD_BUDGET = 8 * 1024;
const CHUNKS_BUDGET = 30 * 1024;
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
const line = (name, s, note = '') =>
  console.log(
    `${name.padEnd(28)} min ${kb(s.min).padStart(9)}  gzip ${kb(s.gzip).padStart(9)}  brotli ${kb(s.brotli).padStart(9)}  ${note}`,
  );

const dist = join(root, 'dist');
const first = sizes(await readFile(join(dist, 'rapport.js')));
const chunkFiles = (await readdir(dist)).filter((file) => /^rapport-.+\.js$/.test(file)).sort();
const chunks = await Promise.all(
  chunkFiles.map(async (file) => ({ file, ...sizes(await readFile(join(dist, file))) })),
);
const total = chunks.reduce((sum, chunk) => sum + chunk.brotli, 0);
const snippet = sizes(await readFile(join(root, 'loader-snippet.txt')));

line('dist/rapport.js', first, `(first load; budget ${kb(FIRST_LOAD_BUDGET)} brotli)`);
for (const chunk of chunks) line(`dist/${chunk.file}`, chunk, '(on intent)');
console.log(`${'all chunks'.padEnd(28)} brotli ${kb(total)}  (budget ${kb(CHUNKS_BUDGET)} brotli)`);
line('loader-snippet.txt', snippet, `(budget ${kb(SNIPPET_BUDGET)} raw)`);

// Where rapport.js's brotli bytes go: the SDK core bundled and compressed on its own, the
// launcher and command queue being what is left (compression across parts: an estimate).
const sdk = await build({
  stdin: {
    contents:
      "import {createClientWith,fetchTransport} from '@rapport/sdk'; window.x=createClientWith(fetchTransport)",
    resolveDir: root,
  },
  bundle: true,
  minify: true,
  write: false,
  format: 'iife',
  target: 'es2022',
  charset: 'utf8',
});
const sdkBrotli = sizes(Buffer.from(sdk.outputFiles[0].text)).brotli;
console.log('\nrapport.js by part (each compressed alone):');
console.log(`  ${kb(sdkBrotli).padStart(9)}  @rapport/sdk core with fetchTransport (no ky)`);
console.log(
  `  ${kb(first.brotli - sdkBrotli).padStart(9)}  launcher, its stylesheet, command queue (the rest)`,
);

const over = [];
if (first.brotli > FIRST_LOAD_BUDGET) {
  over.push(`dist/rapport.js is ${kb(first.brotli - FIRST_LOAD_BUDGET)} over its budget`);
}
if (total > CHUNKS_BUDGET) over.push(`the chunks are ${kb(total - CHUNKS_BUDGET)} over budget`);
if (snippet.min > SNIPPET_BUDGET) over.push('the loader snippet is over 1 KB');
for (const message of over) console.error(`size: ${message} (a report, not part of npm test)`);
process.exitCode = over.length ? 1 : 0;

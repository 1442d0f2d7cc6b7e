/**
 * Prints the transfer size (min, min+gzip, min+brotli) of every JS and CSS file of the
 * console build and their totals, and fails when the console's JS passes its budget of
 * 40 KB brotli (it loads once, for a signed-in person, so it is not held to the widget's).
 * Run `npm run build -w @rapport/console` first.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const assets = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'assets');
const JS_BUDGET = 40 * 1024;

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
const line = (name, s) =>
  console.log(
    `${name.padEnd(30)} min ${kb(s.min).padStart(9)}  gzip ${kb(s.gzip).padStart(9)}  brotli ${kb(s.brotli).padStart(9)}`,
  );
const add = (a, b) => ({ min: a.min + b.min, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
const zero = { min: 0, gzip: 0, brotli: 0 };

const files = (await readdir(assets)).filter((file) => /\.(js|css)$/.test(file)).sort();
const totals = { js: zero, css: zero };
for (const file of files) {
  const size = sizes(await readFile(join(assets, file)));
  line(file, size);
  const kind = file.endsWith('.js') ? 'js' : 'css';
  totals[kind] = add(totals[kind], size);
}
line('all JS', totals.js);
line('all CSS', totals.css);
if (totals.js.brotli > JS_BUDGET) {
  console.error(`console JS is ${kb(totals.js.brotli)} brotli, over its ${kb(JS_BUDGET)} budget`);
  process.exit(1);
}

/**
 * Prints the transfer size (min, min+gzip, min+brotli) of every JS and CSS file of the
 * console build and their totals, and fails when the JS a signed-in person loads first (every
 * file but the sections' own `*-pages-*` chunks, which load when a section opens) passes
 * 40 KB brotli, or one section's chunk passes 15 KB (the console loads once, for a signed-in
 * person, so it is not held to the widget's budgets). Run `npm run build -w @rapport/console`
 * first.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const assets = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'assets');
const FIRST_LOAD_BUDGET = 40 * 1024;
const SECTION_BUDGET = 15 * 1024;
const isSection = (file) => /-pages-[\w-]+\.js$/.test(file);

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
const totals = { js: zero, css: zero, first: zero };
const overSection = [];
for (const file of files) {
  const size = sizes(await readFile(join(assets, file)));
  line(file, size);
  const kind = file.endsWith('.js') ? 'js' : 'css';
  totals[kind] = add(totals[kind], size);
  if (kind === 'js' && !isSection(file)) totals.first = add(totals.first, size);
  if (isSection(file) && size.brotli > SECTION_BUDGET) overSection.push(file);
}
line('first-load JS', totals.first);
line('all JS', totals.js);
line('all CSS', totals.css);
if (totals.first.brotli > FIRST_LOAD_BUDGET) {
  console.error(
    `first-load console JS is ${kb(totals.first.brotli)} brotli, over its ${kb(FIRST_LOAD_BUDGET)} budget`,
  );
  process.exit(1);
}
if (overSection.length > 0) {
  console.error(`over the ${kb(SECTION_BUDGET)} budget of one section: ${overSection.join(', ')}`);
  process.exit(1);
}

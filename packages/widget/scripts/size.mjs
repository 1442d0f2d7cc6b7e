/**
 * Prints the transfer size of dist/rapport.js (min, min+gzip, min+brotli) and of the inline
 * loader snippet, and fails when over budget: 18 KB brotli for the bundle, 1 KB for the snippet.
 * Run `npm run build -w @rapport/widget` first.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

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

// Where the brotli bytes go: each dependency bundled and compressed on its own, the widget's
// own code being what is left (compression across parts makes this an estimate).
const parts = {
  'preact + hooks + @preact/signals':
    "import {render,Component,createContext} from 'preact'; import {jsx,Fragment} from 'preact/jsx-runtime'; import {useContext,useEffect,useRef} from 'preact/hooks'; import {computed,effect,signal,useSignal} from '@preact/signals'; window.x=[render,Component,createContext,jsx,Fragment,useContext,useEffect,useRef,computed,effect,signal,useSignal]",
  '@rapport/sdk core with fetchTransport (no ky)':
    "import {createClientWith,fetchTransport} from '@rapport/sdk'; window.x=createClientWith(fetchTransport)",
};
const measured = {};
for (const [name, contents] of Object.entries(parts)) {
  const result = await build({
    stdin: { contents, resolveDir: root },
    bundle: true,
    minify: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    charset: 'utf8',
  });
  measured[name] = sizes(Buffer.from(result.outputFiles[0].text)).brotli;
}
const widgetOwn =
  bundle.brotli -
  measured['preact + hooks + @preact/signals'] -
  measured['@rapport/sdk core with fetchTransport (no ky)'];
console.log('\nbrotli by part (each compressed alone):');
for (const [name, bytes] of Object.entries(measured))
  console.log(`  ${kb(bytes).padStart(9)}  ${name}`);
console.log(`  ${kb(widgetOwn).padStart(9)}  widget UI, styles, two locales, loader (the rest)`);

const over = [];
if (bundle.brotli > BUNDLE_BUDGET) {
  over.push(
    `dist/rapport.js is ${kb(bundle.brotli - BUNDLE_BUDGET)} over its ${kb(BUNDLE_BUDGET)} brotli budget ` +
      '(a report: this check is not part of npm test; see the README, "Build and size")',
  );
}
if (snippet.min > SNIPPET_BUDGET) over.push('the loader snippet is over 1 KB');
for (const message of over) console.error(`size: ${message}`);
process.exitCode = over.length ? 1 : 0;

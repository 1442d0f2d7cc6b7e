/**
 * Measures what the SDK costs a page, bundled and minified by esbuild, then brotli-compressed:
 *   - core with fetchTransport: createClient (fetchTransport is its default) + the outbox +
 *     beacon, no ky (what the script-tag build ships). The 6 KB target is checked against this figure.
 *   - core with httpTransport: createClientWith(httpTransport) + the outbox, ky included (what an
 *     app that opts into ky gets), reported beside it with its own regression limit.
 *
 * Fails when zod is in either bundle (the SDK may import only types and plain constants from
 * the protocol), when the fetch core is over 6 KB, or when the ky core passes its limit.
 *
 * Usage: npm run size -w @rapport/sdk
 */
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { build } from 'esbuild';

/** Target for the core with fetchTransport, brotli. */
const TARGET_BROTLI_BYTES = 6 * 1024;
/** Regression limit for the core with httpTransport and ky. Raise it only on purpose. */
const LIMIT_KY_BROTLI_BYTES = 12 * 1024;

const root = fileURLToPath(new URL('..', import.meta.url));
const entries = {
  fetch: `export { createClient, beaconTransport } from './src/index.ts';`,
  ky: `export { createClientWith, httpTransport } from './src/index.ts';`,
};

async function measure(entry: string, external: string[] = []) {
  const result = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    external,
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const brotli = brotliCompressSync(code, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
  }).length;
  // esbuild lists every file it read; only those that left bytes in the output count.
  const output = Object.values(result.metafile.outputs)[0];
  const bundled = Object.entries(output?.inputs ?? {})
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
  return { min: code.length, brotli, bundled };
}

const lean = await measure(entries.fetch);
const full = await measure(entries.ky);
const own = await measure(entries.ky, ['ky']);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;

console.log('@rapport/sdk core with fetchTransport (createClient + outbox + beacon, no ky)');
console.log(`  min:        ${lean.min} B (${kb(lean.min)})`);
console.log(`  min+brotli: ${lean.brotli} B (${kb(lean.brotli)})`);
console.log(
  `  target ${kb(TARGET_BROTLI_BYTES)}: ${lean.brotli <= TARGET_BROTLI_BYTES ? 'met' : 'NOT MET'}`,
);
console.log('@rapport/sdk core with httpTransport (createClientWith(httpTransport) + outbox + ky)');
console.log(`  min:        ${full.min} B (${kb(full.min)})`);
console.log(`  min+brotli: ${full.brotli} B (${kb(full.brotli)})`);
console.log(
  `  of which ky: ${full.brotli - own.brotli} B brotli · limit ${kb(LIMIT_KY_BROTLI_BYTES)}`,
);

let failed = false;
for (const [name, result] of [
  ['fetch', lean],
  ['ky', full],
] as const) {
  const zod = result.bundled.filter((path) => /(^|\/)node_modules\/zod\//.test(path));
  if (zod.length > 0) {
    console.error(`FAIL: zod is in the ${name} bundle (${zod.length} files, e.g. ${zod[0]})`);
    failed = true;
  }
}
if (lean.bundled.some((path) => /(^|\/)node_modules\/ky\//.test(path))) {
  console.error('FAIL: ky is in the fetchTransport bundle');
  failed = true;
}
if (lean.brotli > TARGET_BROTLI_BYTES) {
  console.error(
    `FAIL: core with fetchTransport, ${lean.brotli} B brotli, is over ${TARGET_BROTLI_BYTES} B`,
  );
  failed = true;
}
if (full.brotli > LIMIT_KY_BROTLI_BYTES) {
  console.error(
    `FAIL: core with ky, ${full.brotli} B brotli, is over the ${LIMIT_KY_BROTLI_BYTES} B limit`,
  );
  failed = true;
}
process.exitCode = failed ? 1 : 0;

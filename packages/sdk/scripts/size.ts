/**
 * Measures what the SDK costs a page: createClient + httpTransport + the outbox, with ky,
 * bundled and minified by esbuild, then brotli-compressed. Fails when the bundle is over
 * budget or contains zod (the SDK must import only types and constants from the protocol).
 *
 * Usage: npm run size -w @rapport/sdk
 */
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { build } from 'esbuild';

/** Budget for the SDK alone, brotli-compressed (the widget adds its UI on top). */
const BUDGET_BROTLI_BYTES = 6 * 1024;

const entry = `
  export { createClient, httpTransport } from './src/index.ts';
`;

const result = await build({
  stdin: {
    contents: entry,
    resolveDir: fileURLToPath(new URL('..', import.meta.url)),
    loader: 'ts',
  },
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  write: false,
  metafile: true,
});

const code = result.outputFiles[0]?.contents ?? new Uint8Array();
const brotli = brotliCompressSync(code, {
  params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
});
// esbuild lists every file it read; only those that left bytes in the output count.
const output = Object.values(result.metafile.outputs)[0];
const bundled = Object.entries(output?.inputs ?? {})
  .filter(([, input]) => input.bytesInOutput > 0)
  .map(([path]) => path);
const zodInputs = bundled.filter((path) => /(^|\/)node_modules\/zod\//.test(path));

console.log(`@rapport/sdk  min: ${code.length} B  min+brotli: ${brotli.length} B`);
console.log(`budget: ${BUDGET_BROTLI_BYTES} B brotli`);

let failed = false;
if (zodInputs.length > 0) {
  console.error(`FAIL: zod is in the bundle (${zodInputs.length} files, e.g. ${zodInputs[0]})`);
  failed = true;
}
if (brotli.length > BUDGET_BROTLI_BYTES) {
  console.error(`FAIL: ${brotli.length} B brotli is over the ${BUDGET_BROTLI_BYTES} B budget`);
  failed = true;
}
process.exitCode = failed ? 1 : 0;

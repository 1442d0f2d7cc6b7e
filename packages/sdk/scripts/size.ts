/**
 * Measures what the SDK costs a page: createClient + httpTransport + the outbox, with ky,
 * bundled and minified by esbuild, then brotli-compressed. Prints the SDK's own share too.
 *
 * Fails when zod is in the bundle (the SDK may import only types and plain constants from
 * the protocol) or when the bundle grows past LIMIT_BROTLI_BYTES. The 6 KB design target is
 * reported, not enforced: ky 1.x alone is ~4.5 KB brotli, so SDK + ky cannot meet it today.
 *
 * Usage: npm run size -w @rapport/sdk
 */
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { build } from 'esbuild';

/** Design target for SDK + ky, brotli. */
const TARGET_BROTLI_BYTES = 6 * 1024;
/** Regression limit: today's size plus a little headroom. Raise it only on purpose. */
const LIMIT_BROTLI_BYTES = 11 * 1024;

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = `export { createClient, httpTransport } from './src/index.ts';`;

async function measure(external: string[]) {
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

const full = await measure([]);
const own = await measure(['ky']);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;

console.log(`@rapport/sdk (createClient + httpTransport + outbox + ky)`);
console.log(`  min:        ${full.min} B (${kb(full.min)})`);
console.log(`  min+brotli: ${full.brotli} B (${kb(full.brotli)})`);
console.log(`  of which the SDK's own code: ${own.min} B min, ${own.brotli} B brotli`);
console.log(
  `  target ${kb(TARGET_BROTLI_BYTES)}: ${full.brotli <= TARGET_BROTLI_BYTES ? 'met' : 'not met'}` +
    ` · limit ${kb(LIMIT_BROTLI_BYTES)}`,
);

let failed = false;
const zod = full.bundled.filter((path) => /(^|\/)node_modules\/zod\//.test(path));
if (zod.length > 0) {
  console.error(`FAIL: zod is in the bundle (${zod.length} files, e.g. ${zod[0]})`);
  failed = true;
}
if (full.brotli > LIMIT_BROTLI_BYTES) {
  console.error(`FAIL: ${full.brotli} B brotli is over the ${LIMIT_BROTLI_BYTES} B limit`);
  failed = true;
}
process.exitCode = failed ? 1 : 0;

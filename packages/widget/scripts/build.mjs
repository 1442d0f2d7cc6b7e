/**
 * Builds the widget with esbuild:
 *   dist/rapport.js               IIFE for the script tag: the command queue, the SDK core
 *                                 (fetchTransport, no ky) and the launcher drawn without Preact
 *   dist/rapport-ui-<hash>.js     the UI (Preact, signals, dialog, panels, English), a classic
 *                                 script rapport.js adds on intent
 *   dist/rapport-fr-<hash>.js     the French strings, added only for French visitors
 *   dist/index.js (+ dist/chunks) ESM for bundlers, split the same way through `import()`,
 *                                 with preact, @preact/signals, @rapport/sdk and @rapport/protocol left external
 * Chunk names carry the first 8 hex digits of their SHA-256, so they can be cached forever.
 * Prints what takes the bytes in each script-tag file (from esbuild's metafile).
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { cssTextPlugin } from './css-text-plugin.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
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
const scriptTag = {
  ...common,
  format: 'iife',
  minify: true,
  metafile: true,
  // Kept out of dist's shipped files: scripts/size.mjs reads it to say which module takes
  // how much of rapport.js after brotli.
  sourcemap: 'external',
  write: false,
  define: { 'process.env.NODE_ENV': '"production"' },
};

await mkdir(dist, { recursive: true });
// Chunks of earlier builds would pile up under new hashes.
for (const file of await readdir(dist)) {
  if (/^rapport-.+\.js$/.test(file)) await rm(join(dist, file));
}
await rm(join(dist, 'chunks'), { recursive: true, force: true });

const metafiles = {};
const sourcemaps = {};
/** Builds one script-tag file; returns its hashed name when `prefix` is given. */
async function buildScript(entry, prefix, extra = {}) {
  const result = await build({ ...scriptTag, ...extra, entryPoints: [entry], outfile: 'out.js' });
  const code = result.outputFiles.find((file) => file.path.endsWith('.js')).contents;
  const name = prefix
    ? `${prefix}-${createHash('sha256').update(code).digest('hex').slice(0, 8)}.js`
    : 'rapport.js';
  await writeFile(join(dist, name), code);
  metafiles[name] = result.metafile;
  sourcemaps[name] = JSON.parse(result.outputFiles.find((file) => file.path.endsWith('.map')).text);
  return name;
}

const chunks = {
  ui: await buildScript('src/chunks/ui-chunk.ts', 'rapport-ui'),
  locales: { fr: await buildScript('src/chunks/fr-chunk.ts', 'rapport-fr') },
};
await buildScript('src/script-tag.ts', undefined, {
  define: { ...scriptTag.define, __RAPPORT_CHUNKS__: JSON.stringify(chunks) },
});

await build({
  ...common,
  entryPoints: ['src/index.ts'],
  outdir: 'dist',
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  external: ['preact', 'preact/*', '@preact/signals', '@rapport/sdk', '@rapport/protocol'],
});

await writeFile(join(dist, 'meta.json'), JSON.stringify(metafiles));
await writeFile(join(dist, 'sourcemaps.json'), JSON.stringify(sourcemaps));
await writeFile(join(dist, 'chunks.json'), JSON.stringify(chunks, null, 2));
// `import '@rapport/widget/rapport.js'` is typed by a hand-written declaration of the global.
await copyFile(join(root, 'types/rapport.d.ts'), join(dist, 'rapport.d.ts'));
if (!quiet) for (const [name, metafile] of Object.entries(metafiles)) printSummary(name, metafile);

/** Bytes of minified output per package (or per widget folder), largest first. */
function printSummary(name, metafile) {
  const [, output] = Object.entries(metafile.outputs).find(([file]) => file.endsWith('.js'));
  const groups = new Map();
  for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
    const match = file.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
    const group = match ? match[1] : file.replace(/^(\.\.\/)+/, '').replace(/\/[^/]+$/, '/');
    groups.set(group, (groups.get(group) ?? 0) + bytesInOutput);
  }
  console.log(`dist/${name}: ${output.bytes} bytes minified; by source:`);
  for (const [group, bytes] of [...groups].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${String(bytes).padStart(6)}  ${group}`);
  }
}

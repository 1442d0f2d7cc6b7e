/**
 * Prints the transfer size (min, min+gzip, min+brotli) of each script-tag file — rapport.js,
 * loaded by every page, and the chunks it loads on intent — and of the inline loader snippet,
 * and fails when over budget: 8 KB brotli for rapport.js, 30 KB brotli for all chunks
 * together, 1 KB for the snippet, and what takes rapport.js's bytes, module by module
 * (`--json` also writes them to dist/size-by-module.json). Run `npm run build -w @rapport/widget` first.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

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

// Where rapport.js's brotli bytes go, module by module: each module's share is what the
// compressed file loses without that module's output (read from the build's source map), so
// the shares add up to about the whole file even though brotli compresses across modules.
const code = await readFile(join(dist, 'rapport.js'), 'utf8');
const { 'rapport.js': map } = JSON.parse(await readFile(join(dist, 'sourcemaps.json'), 'utf8'));
const modules = moduleShares(code, map);
console.log('\nrapport.js by module (minified bytes, brotli share):');
for (const row of modules.slice(0, Number(process.env.SIZE_MODULES ?? 25))) {
  console.log(
    `  ${String(row.min).padStart(6)}  ${String(row.brotli).padStart(5)} B  ${((100 * row.brotli) / first.brotli).toFixed(1).padStart(4)} %  ${row.source}`,
  );
}
if (process.argv.includes('--json')) {
  await writeFile(join(dist, 'size-by-module.json'), JSON.stringify(modules, null, 2));
}

/** Minified bytes and brotli share of every source module in `code`, largest share first. */
function moduleShares(text, sourceMap) {
  const lines = text.split('\n');
  const owners = lines.map((lineText) => new Int32Array(lineText.length).fill(-1));
  decodeMappings(sourceMap.mappings).forEach((segments, index) => {
    for (let i = 0; i < segments.length; i++) {
      const [column, source] = segments[i];
      const next = segments[i + 1]?.[0] ?? lines[index].length;
      if (source !== undefined) owners[index].fill(source, column, next);
    }
  });
  const whole = sizes(Buffer.from(text)).brotli;
  return sourceMap.sources
    .map((source, id) => {
      let min = 0;
      const rest = lines.map((lineText, index) => {
        let kept = '';
        for (let column = 0; column < lineText.length; column++) {
          if (owners[index][column] === id) min++;
          else kept += lineText[column];
        }
        return kept;
      });
      const brotli = min ? whole - sizes(Buffer.from(rest.join('\n'))).brotli : 0;
      return {
        source: source.replace(/^(\.\.\/)+/, '').replace(/^css-text:.*\/src\//, 'src/'),
        min,
        brotli,
      };
    })
    .filter((row) => row.min > 0)
    .sort((a, b) => b.brotli - a.brotli);
}

/** Source-map "mappings" → per line, [column, source index] segments (absolute values). */
function decodeMappings(mappings) {
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let source = 0;
  return mappings.split(';').map((line) => {
    let column = 0;
    return line
      .split(',')
      .filter(Boolean)
      .map((segment) => {
        const values = [];
        let value = 0;
        let shift = 0;
        for (const char of segment) {
          const digit = digits.indexOf(char);
          value += (digit & 31) << shift;
          if (digit & 32) shift += 5;
          else {
            values.push(value & 1 ? -(value >>> 1) : value >>> 1);
            value = 0;
            shift = 0;
          }
        }
        column += values[0];
        if (values.length < 4) return [column];
        source += values[1];
        return [column, source];
      });
  });
}

const over = [];
if (first.brotli > FIRST_LOAD_BUDGET) {
  over.push(`dist/rapport.js is ${kb(first.brotli - FIRST_LOAD_BUDGET)} over its budget`);
}
if (total > CHUNKS_BUDGET) over.push(`the chunks are ${kb(total - CHUNKS_BUDGET)} over budget`);
if (snippet.min > SNIPPET_BUDGET) over.push('the loader snippet is over 1 KB');
for (const message of over) console.error(`size: ${message} (a report, not part of npm test)`);
process.exitCode = over.length ? 1 : 0;

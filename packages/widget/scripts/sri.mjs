/**
 * The Subresource Integrity hash of dist/rapport.js, for pages that pin a versioned URL:
 *   node scripts/sri.mjs           prints the hash and the snippet for this version
 *   node scripts/sri.mjs --write   puts them in README.md (between the sri markers)
 *   node scripts/sri.mjs --check   fails when README.md's hash is not this build's
 * Run `npm run build -w @rapport/widget` first. The hash covers rapport.js only; the chunks it
 * loads are named by their content hash, which rapport.js carries, so they are pinned too.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const bundle = await readFile(join(root, 'dist/rapport.js')).catch(() => {
  console.error('sri: dist/rapport.js is missing; run `npm run build -w @rapport/widget` first.');
  process.exit(1);
});
const integrity = `sha384-${createHash('sha384').update(bundle).digest('base64')}`;

const block = `<!-- sri:start (written by \`npm run sri -w @rapport/widget -- --write\`) -->
\`\`\`html
<script>window.rapport=window.rapport||function(){(rapport.q=rapport.q||[]).push(arguments)};</script>
<script async src="https://cdn.jsdelivr.net/npm/@rapport/widget@${version}/dist/rapport.js"
  integrity="${integrity}" crossorigin="anonymous"
  data-key="pk_live_…" data-api="https://rapport.example.com"></script>
\`\`\`

| version | \`rapport.js\` integrity |
| --- | --- |
| ${version} | \`${integrity}\` |
<!-- sri:end -->`;

const readmePath = join(root, 'README.md');
const readme = await readFile(readmePath, 'utf8');
const marked = /<!-- sri:start[\s\S]*?<!-- sri:end -->/;
if (process.argv.includes('--write')) {
  if (!marked.test(readme)) throw new Error('README.md has no <!-- sri:start --> block');
  await writeFile(readmePath, readme.replace(marked, block));
  console.log(`sri: README.md now pins ${version} as ${integrity}`);
} else if (process.argv.includes('--check')) {
  if (!readme.includes(integrity)) {
    console.error(
      `sri: README.md does not carry this build's hash (${integrity}) for ${version}. ` +
        'Run `npm run sri -w @rapport/widget -- --write` after the build you publish.',
    );
    process.exit(1);
  }
  console.log(`sri: README.md carries ${integrity}`);
} else {
  console.log(block);
}

/**
 * Builds packages/widget/dist (the script-tag bundle and the ESM build) only when it is
 * missing or older than the sources it is made from, so a second `npm start` is instant
 * and the end-to-end tests always exercise the code in the working tree.
 *
 * Run directly (`tsx scripts/widget-bundle.ts`) or import `ensureWidgetBundle()`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The script-tag bundle the server serves at /rapport.js. */
export const WIDGET_BUNDLE = join(repoRoot, 'packages/widget/dist/rapport.js');

const SOURCES = [
  'packages/widget/src',
  'packages/widget/scripts',
  'packages/sdk/src',
  'packages/protocol/src',
];

/** True when dist/rapport.js exists and is newer than every source file. */
export function widgetBundleIsFresh(): boolean {
  if (!existsSync(WIDGET_BUNDLE)) return false;
  const builtAt = statSync(WIDGET_BUNDLE).mtimeMs;
  return SOURCES.every((dir) => newestMtime(join(repoRoot, dir)) <= builtAt);
}

/** Builds the widget if it is stale; returns whether a build ran. Throws if the build fails. */
export function ensureWidgetBundle(): boolean {
  if (widgetBundleIsFresh()) return false;
  const build = spawnSync('npm', ['run', 'build', '--silent', '-w', '@rapport/widget'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (build.status !== 0 || !existsSync(WIDGET_BUNDLE)) {
    throw new Error(`Building the widget failed:\n${build.stdout}\n${build.stderr}`);
  }
  return true;
}

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    newest = Math.max(newest, mtime);
  }
  return newest;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  const built = ensureWidgetBundle();
  console.log(
    built
      ? `widget: built packages/widget/dist in ${Date.now() - started} ms`
      : 'widget: packages/widget/dist is up to date',
  );
}

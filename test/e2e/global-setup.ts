import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_PATH, chromiumAvailable, servicesRequired } from './helpers/chromium';
import { REPO_ROOT, WIDGET_BUNDLE } from './helpers/paths';

/**
 * Runs once before the e2e files: fails fast when CI requires a browser that is missing,
 * and (re)builds the widget bundle when dist/rapport.js is missing or older than its sources,
 * so the tests always exercise the code in the working tree.
 */
export default function setup(): void {
  if (!chromiumAvailable) {
    if (servicesRequired) {
      throw new Error(
        `e2e: RAPPORT_REQUIRE_SERVICES=1 but there is no Chromium at ${CHROMIUM_PATH}. ` +
          'Install it (apt-get install chromium) or set CHROMIUM_PATH.',
      );
    }
    return;
  }
  if (widgetBundleIsFresh()) return;
  const build = spawnSync('npm', ['run', 'build', '-w', '@rapport/widget'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0 || !existsSync(WIDGET_BUNDLE)) {
    throw new Error(`e2e: building the widget failed:\n${build.stdout}\n${build.stderr}`);
  }
}

function widgetBundleIsFresh(): boolean {
  if (!existsSync(WIDGET_BUNDLE)) return false;
  const builtAt = statSync(WIDGET_BUNDLE).mtimeMs;
  const sources = ['packages/widget/src', 'packages/sdk/src', 'packages/protocol/src'];
  return sources.every((dir) => newestMtime(join(REPO_ROOT, dir)) <= builtAt);
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

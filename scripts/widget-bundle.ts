/**
 * Builds packages/widget/dist (the script-tag bundle and the ESM build) only when it is
 * missing or older than the sources it is made from (see build-if-stale.ts).
 *
 * Run directly (`tsx scripts/widget-bundle.ts`) or import `ensureWidgetBundle()`.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildTarget, buildIfStale, isFresh, REPO_ROOT } from './build-if-stale';

/** The script-tag bundle the server serves at /rapport.js. */
export const WIDGET_BUNDLE = join(REPO_ROOT, 'packages/widget/dist/rapport.js');

/** The widget bundle and what it is made from. */
export const WIDGET_TARGET: BuildTarget = {
  name: 'widget',
  workspace: '@rapport/widget',
  output: WIDGET_BUNDLE,
  sources: [
    'packages/widget/src',
    'packages/widget/scripts',
    'packages/sdk/src',
    'packages/protocol/src',
  ].map((dir) => join(REPO_ROOT, dir)),
};

/** True when dist/rapport.js exists and is newer than every source file. */
export function widgetBundleIsFresh(): boolean {
  return isFresh(WIDGET_TARGET);
}

/** Builds the widget if it is stale; returns whether a build ran. Throws if the build fails. */
export function ensureWidgetBundle(): boolean {
  return buildIfStale(WIDGET_TARGET);
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

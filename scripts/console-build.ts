/**
 * Builds packages/console/dist (the console the server serves at /console/) when that package
 * exists and its build is missing or older than its sources (see build-if-stale.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type BuildTarget, buildIfStale, REPO_ROOT } from './build-if-stale';

const CONSOLE_DIR = join(REPO_ROOT, 'packages/console');

/** The console build and what it is made from: the package itself and the protocol. */
export const CONSOLE_TARGET: BuildTarget = {
  name: 'console',
  workspace: '@rapport/console',
  output: join(CONSOLE_DIR, 'dist/index.html'),
  sources: [
    ...['src', 'public', 'index.html', 'preview.html', 'vite.config.ts', 'package.json'].map(
      (path) => join(CONSOLE_DIR, path),
    ),
    join(REPO_ROOT, 'packages/protocol/src'),
  ],
};

/** Builds the console if the package exists and is stale; returns whether a build ran. */
export function ensureConsoleBuild(): boolean {
  if (!existsSync(join(CONSOLE_DIR, 'package.json'))) return false;
  return buildIfStale(CONSOLE_TARGET);
}

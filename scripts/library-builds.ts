/**
 * Builds packages/protocol/dist and packages/sdk/dist when missing or older than their sources
 * (see build-if-stale.ts). Inside the repository the packages import each other's sources, so
 * only what consumes a package the way a user does needs these: the Vite example, which
 * resolves `@rapport/sdk` through its package.json like any app.
 */
import { join } from 'node:path';
import { type BuildTarget, buildIfStale, REPO_ROOT } from './build-if-stale';

const target = (name: string, sources: string[]): BuildTarget => ({
  name,
  workspace: `@rapport/${name}`,
  output: join(REPO_ROOT, `packages/${name}/dist/index.js`),
  sources: sources.map((dir) => join(REPO_ROOT, dir)),
});

/** The protocol and SDK builds, each with what it is made from. */
export const LIBRARY_TARGETS: BuildTarget[] = [
  target('protocol', ['packages/protocol/src', 'packages/protocol/tsdown.config.ts']),
  target('sdk', ['packages/sdk/src', 'packages/sdk/tsdown.config.ts']),
];

/** Builds each stale library; returns whether a build ran. Throws if a build fails. */
export function ensureLibraryBuilds(): boolean {
  let built = false;
  for (const library of LIBRARY_TARGETS) built = buildIfStale(library) || built;
  return built;
}

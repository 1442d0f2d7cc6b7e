/**
 * One staleness check for everything `npm start`, the end-to-end tests and the bench build
 * before use: an output is rebuilt only when it is missing or older than a source, so a second
 * `npm start` is instant and tests always exercise the code in the working tree.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root directory. */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Folders that are outputs or installs, never sources. */
const SKIPPED = new Set(['dist', 'node_modules', 'coverage', '.vite']);

/** A build output and what it is made from. */
export interface BuildTarget {
  /** What to call it in messages, e.g. `widget`. */
  name: string;
  /** The workspace whose `build` script makes it, e.g. `@rapport/widget`. */
  workspace: string;
  /** A file the build writes, absolute; its age is the build's. */
  output: string;
  /** Files or folders (absolute) the output is made from; missing ones are ignored. */
  sources: string[];
}

/** Newest modification time under `path` (a file or a folder), 0 when it does not exist. */
export function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.isDirectory() && SKIPPED.has(entry.name)) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

/** True when the output exists and no source is newer than it. */
export function isFresh(target: BuildTarget): boolean {
  if (!existsSync(target.output)) return false;
  const builtAt = statSync(target.output).mtimeMs;
  return target.sources.every((source) => newestMtime(source) <= builtAt);
}

/**
 * Runs the workspace's build when the output is stale; returns whether a build ran.
 *
 * @throws Error with the build's output when it fails or writes no output.
 */
export function buildIfStale(target: BuildTarget): boolean {
  if (isFresh(target)) return false;
  const build = spawnSync('npm', ['run', 'build', '--silent', '-w', target.workspace], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0 || !existsSync(target.output)) {
    throw new Error(`Building the ${target.name} failed:\n${build.stdout}\n${build.stderr}`);
  }
  return true;
}

/**
 * `npm start` (and `npm start -w @rapport/server`): builds what is stale — the widget bundle
 * and, when that package exists, the console — then runs the `rapport` CLI in this very
 * process (`start` unless other arguments are given).
 *
 * One process on purpose: a shell chain (`build && serve`) puts `sh` between npm and the
 * server, and `sh` dies of npm's SIGTERM without passing it on, leaving the server holding
 * the port and the data directory (issue 9, item 4). Run it as `node --import tsx`, not
 * through the `tsx` command, which would add a process of its own.
 */
import { ensureConsoleBuild } from './console-build';
import { ensureWidgetBundle } from './widget-bundle';

if (process.argv.length <= 2) process.argv.push('start');

for (const [name, build] of [
  ['widget', ensureWidgetBundle],
  ['console', ensureConsoleBuild],
] as const) {
  const startedAt = Date.now();
  if (build()) process.stdout.write(`${name}: built in ${Date.now() - startedAt} ms\n`);
}

await import('../packages/server/src/cli');

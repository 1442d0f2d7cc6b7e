import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, WIDGET_BUNDLE } from './paths';

/** Rebuilds dist/rapport.js when it is missing or older than the widget, SDK or protocol sources. */
export function buildWidgetIfStale(): void {
  if (existsSync(WIDGET_BUNDLE) && !sourcesNewerThan(statSync(WIDGET_BUNDLE).mtimeMs)) return;
  const result = spawnSync('npm', ['run', 'build', '-w', '@rapport/widget'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) console.warn('bench: the widget build failed; its rows are skipped');
}

function sourcesNewerThan(builtAt: number): boolean {
  return ['packages/widget/src', 'packages/sdk/src', 'packages/protocol/src'].some(
    (dir) => newest(join(REPO_ROOT, dir)) > builtAt,
  );
}

function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);
}

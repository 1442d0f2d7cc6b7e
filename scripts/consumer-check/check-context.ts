import { fileURLToPath } from 'node:url';
import type { Tarballs } from './pack-packages';
import type { Report } from './report';
import type { TempWorkspace } from './temp-workspace';

/** What every group of checks gets: where to report, the repository, the tarballs, a scratch folder. */
export interface CheckContext {
  report: Report;
  /** The repository root; its node_modules has the lint tools and playwright-core. */
  repoRoot: string;
  tarballs: Tarballs;
  workspace: TempWorkspace;
}

/** A fixture folder shipped beside this script. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
}

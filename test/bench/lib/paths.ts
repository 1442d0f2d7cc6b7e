import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of the repository root (with a trailing slash). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Scratch space for built peer bundles and pages; git-ignored. */
export const TMP_DIR = `${REPO_ROOT}test/bench/.tmp`;

/** The script-tag bundle under test. */
export const WIDGET_BUNDLE = `${REPO_ROOT}packages/widget/dist/rapport.js`;

/** Where the report goes. */
export const REPORT_PATH = `${REPO_ROOT}test/bench/REPORT.md`;

export function ensureTmpDir(): string {
  mkdirSync(TMP_DIR, { recursive: true });
  return TMP_DIR;
}

import { fileURLToPath } from 'node:url';

/** Absolute path of the repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The script-tag bundle the widget build produces. */
export const WIDGET_BUNDLE = `${REPO_ROOT}packages/widget/dist/rapport.js`;

/** The storefront example the server serves at `/`. */
export const STOREFRONT_DIR = `${REPO_ROOT}examples/script-tag`;

/** The server's CLI entry. */
export const SERVER_CLI = `${REPO_ROOT}packages/server/src/cli.ts`;

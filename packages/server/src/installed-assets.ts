/**
 * Where the files the server serves come from when no environment variable says: the widget
 * bundle and the console from the installed `@rapport/widget` and `@rapport/console` packages,
 * found by Node's package resolution from this package, so the same lookup works in an app's
 * node_modules and in the Rapport repository (npm workspaces link the same names there).
 * Paths are returned even when the file is not built yet: the 404 then says what to do.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** The installed package's directory, or undefined when it is not installed. */
function packageDir(name: string): string | undefined {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return undefined;
  }
}

/** `@rapport/widget`'s `dist/rapport.js`, the script-tag bundle (its chunks sit beside it). */
export function installedWidgetBundle(): string | undefined {
  const dir = packageDir('@rapport/widget');
  return dir && join(dir, 'dist', 'rapport.js');
}

/** The installed `@rapport/widget`'s version, which names `/rapport@<version>.js`. */
export function installedWidgetVersion(): string | undefined {
  const dir = packageDir('@rapport/widget');
  if (!dir) return undefined;
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    version?: unknown;
  };
  return typeof version === 'string' ? version : undefined;
}

/** `@rapport/console`'s `dist/` folder, the built single-page app. */
export function installedConsoleDir(): string | undefined {
  const dir = packageDir('@rapport/console');
  return dir && `${join(dir, 'dist')}/`;
}

/**
 * The demo storefront (`examples/script-tag/`) when this server runs from the Rapport
 * repository; an installed server has none and serves nothing at `/` unless told to.
 */
export function repositoryDemoSite(): string | undefined {
  const repo = fileURLToPath(new URL('../../../', import.meta.url));
  const dir = join(repo, 'examples', 'script-tag');
  const inRepository = existsSync(join(repo, 'packages', 'server', 'package.json'));
  return inRepository && existsSync(join(dir, 'index.html')) ? `${dir}/` : undefined;
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The published packages, in dependency order. */
export const PACKAGES = [
  { name: '@rapport/protocol', dir: 'packages/protocol' },
  { name: '@rapport/sdk', dir: 'packages/sdk' },
  { name: '@rapport/widget', dir: 'packages/widget' },
  { name: '@rapport/server', dir: 'packages/server' },
  { name: '@rapport/console', dir: 'packages/console' },
] as const;

export type PackageName = (typeof PACKAGES)[number]['name'];

/** The packages whose `dist/` is missing: this check tests built code and builds none. */
export function unbuiltPackages(repoRoot: string): PackageName[] {
  return PACKAGES.filter((pkg) => !existsSync(join(repoRoot, pkg.dir, 'dist'))).map(
    (pkg) => pkg.name,
  );
}

import type { CheckContext } from '../check-context';
import type { PackageName } from '../packages';
import { type AttwProfile, runAttw } from '../tools/attw';
import { runPublint } from '../tools/publint';

/**
 * How attw judges each package: protocol and sdk ship CommonJS too, so every resolution
 * counts; widget and server are ESM only by design, so `require` and node10 are left out;
 * console is static files with no module to resolve, so attw has nothing to say about it.
 */
const ATTW_PROFILE: Record<PackageName, AttwProfile | undefined> = {
  '@rapport/protocol': 'strict',
  '@rapport/sdk': 'strict',
  '@rapport/widget': 'esm-only',
  '@rapport/server': 'esm-only',
  '@rapport/console': undefined,
};

/** publint and attw on every tarball. */
export async function checkPackageMetadata({ report, repoRoot, tarballs }: CheckContext) {
  for (const [name, tarball] of Object.entries(tarballs) as [PackageName, string][]) {
    await report.check(`publint ${name}`, () => runPublint(repoRoot, tarball));
    const profile = ATTW_PROFILE[name];
    if (profile) {
      await report.check(`attw ${name} (profile ${profile})`, () =>
        runAttw(repoRoot, tarball, profile),
      );
    }
  }
}

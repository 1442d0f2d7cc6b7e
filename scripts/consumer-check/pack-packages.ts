import { join } from 'node:path';
import { CheckFailure } from './check-failure';
import { PACKAGES, type PackageName } from './packages';
import { runCommand } from './processes/run-command';

/** Each package's tarball, as `npm pack` made it (absolute paths). */
export type Tarballs = Record<PackageName, string>;

interface PackEntry {
  name: string;
  filename: string;
}

/**
 * `npm pack`s every package into `destination` with one npm run (each package's `prepack`
 * runs, as on publish), and returns where each tarball is.
 */
export async function packPackages(repoRoot: string, destination: string): Promise<Tarballs> {
  const workspaces = PACKAGES.flatMap((pkg) => ['-w', pkg.name]);
  const { stdout } = await runCommand(
    'npm',
    ['pack', '--json', '--pack-destination', destination, ...workspaces],
    { cwd: repoRoot },
  );
  const entries = JSON.parse(stdout) as PackEntry[];
  const tarballs: Partial<Tarballs> = {};
  for (const pkg of PACKAGES) {
    const entry = entries.find((candidate) => candidate.name === pkg.name);
    if (!entry) throw new CheckFailure(`npm pack made no tarball for ${pkg.name}`);
    tarballs[pkg.name] = join(destination, entry.filename);
  }
  return tarballs as Tarballs;
}

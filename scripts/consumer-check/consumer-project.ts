import { cpSync } from 'node:fs';
import { CheckFailure } from './check-failure';
import { runCommand } from './processes/run-command';

/**
 * Copies a fixture folder (its package.json names the registry dependencies) to `projectDir`
 * and installs it together with the given tarballs, in one `npm install`, as a user who
 * downloaded the packages would. Returns `projectDir`.
 */
export async function installProject(
  fixtureDir: string,
  projectDir: string,
  tarballs: readonly string[],
): Promise<string> {
  cpSync(fixtureDir, projectDir, { recursive: true });
  await runCommand('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs], {
    cwd: projectDir,
    timeoutMs: 240_000,
  });
  return projectDir;
}

/** The installed project a check runs in; a check whose project did not install is not run. */
export function needProject(projectDir: string | undefined, title: string): string {
  if (projectDir === undefined) throw new CheckFailure(`not run: the ${title} did not install`);
  return projectDir;
}

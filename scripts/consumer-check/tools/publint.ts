import { join } from 'node:path';
import { CheckFailure } from '../check-failure';
import { execute } from '../processes/run-command';

/**
 * The repository's publint on a packed tarball, the exact files a user installs (the same
 * list `publint <pkgdir>` would pack). Errors fail; warnings and suggestions are printed by
 * publint but pass, as its own exit code says.
 */
export async function runPublint(repoRoot: string, tarball: string): Promise<void> {
  const bin = join(repoRoot, 'node_modules', '.bin', 'publint');
  const result = await execute(bin, ['run', tarball], { cwd: repoRoot, timeoutMs: 60_000 });
  if (result.code === 0) return;
  // Its first lines name the version and the steps ("Unpacking tarball..."); the rest is findings.
  const findings = result.output
    .split('\n')
    .filter((line) => !/^(Running publint|Unpacking|Packing|Linting)/.test(line))
    .join('\n')
    .trim();
  throw new CheckFailure(`publint found errors:\n${findings || '(no output)'}`);
}

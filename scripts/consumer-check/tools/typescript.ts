import { join } from 'node:path';
import { CheckFailure } from '../check-failure';
import { describeCommand, execute } from '../processes/run-command';

const SHOWN_LINES = 20;

/**
 * `tsc -p <config> --noEmit` with the project's own TypeScript (from the registry, not the
 * repository's). On failure the first errors are shown: later ones usually follow from them.
 */
export async function typecheck(projectDir: string, config: string): Promise<void> {
  const tsc = join(projectDir, 'node_modules', 'typescript', 'bin', 'tsc');
  const args = [tsc, '-p', config, '--noEmit', '--pretty', 'false'];
  const result = await execute(process.execPath, args, { cwd: projectDir, timeoutMs: 120_000 });
  if (result.code === 0) return;
  const lines = result.output.trimEnd().split('\n');
  const shown = lines.slice(0, SHOWN_LINES).join('\n');
  const more = lines.length > SHOWN_LINES ? `\n… (${lines.length - SHOWN_LINES} more lines)` : '';
  throw new CheckFailure(
    `\`${describeCommand('tsc', ['-p', config, '--noEmit'])}\` failed:\n${shown || '(no output)'}${more}`,
  );
}

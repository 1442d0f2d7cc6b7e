import { join } from 'node:path';
import { CheckFailure } from '../check-failure';
import { execute, tailOf } from '../processes/run-command';

/** attw's profiles, and the resolutions each leaves out (as attw's own `--profile` does). */
export const ATTW_PROFILES = {
  strict: [],
  node16: ['node10'],
  'esm-only': ['node10', 'node16-cjs'],
} as const satisfies Record<string, readonly string[]>;

export type AttwProfile = keyof typeof ATTW_PROFILES;

interface AttwProblem {
  kind: string;
  entrypoint?: string;
  resolutionKind?: string;
}

interface AttwJson {
  problems?: Record<string, AttwProblem[]>;
}

/** "./rapport.js: UntypedResolution (node16-esm, bundler)", one line per entry point and kind. */
function describeProblems(json: AttwJson, profile: AttwProfile): string[] {
  const ignored: readonly string[] = ATTW_PROFILES[profile];
  const byLine = new Map<string, string[]>();
  for (const problem of Object.values(json.problems ?? {}).flat()) {
    if (problem.resolutionKind && ignored.includes(problem.resolutionKind)) continue;
    const key = `${problem.entrypoint ?? '(package)'}: ${problem.kind}`;
    const kinds = byLine.get(key) ?? [];
    if (problem.resolutionKind) kinds.push(problem.resolutionKind);
    byLine.set(key, kinds);
  }
  return [...byLine].map(([key, kinds]) => (kinds.length ? `${key} (${kinds.join(', ')})` : key));
}

/**
 * The repository's `attw` (Are the Types Wrong) on a packed tarball — what `attw --pack
 * <pkgdir>` packs and checks — under `profile`. attw's exit code decides; its JSON names
 * the problems.
 */
export async function runAttw(repoRoot: string, tarball: string, profile: AttwProfile) {
  const bin = join(repoRoot, 'node_modules', '.bin', 'attw');
  const args = [tarball, '--profile', profile, '--format', 'json'];
  const result = await execute(bin, args, { cwd: repoRoot, timeoutMs: 60_000 });
  if (result.code === 0) return;
  let problems: string[];
  try {
    problems = describeProblems(JSON.parse(result.stdout) as AttwJson, profile);
  } catch {
    throw new CheckFailure(`attw exited with ${result.code}:\n${tailOf(result.output)}`);
  }
  throw new CheckFailure(
    `attw --profile ${profile} found problems (see \`npx attw --pack <pkgdir> --profile ${profile}\`):\n${problems.join('\n')}`,
  );
}

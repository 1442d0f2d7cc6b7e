import { spawn } from 'node:child_process';
import { CheckFailure } from '../check-failure';
import { childEnv } from './child-env';

/** How a finished command ended, with its stdout and stderr interleaved as they came. */
export interface CommandResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  /** Stdout alone, for commands whose stdout is data (`--json`). */
  stdout: string;
  timedOut: boolean;
}

export interface CommandOptions {
  cwd: string;
  /** Variables added to the cleaned environment ({@link childEnv}). */
  env?: Record<string, string>;
  /** Killed (SIGKILL) after this long. @default 120_000 */
  timeoutMs?: number;
}

const TAIL_LINES = 15;
/** Stack frames and Node's sign-off: they crowd out the message and say nothing to a user. */
const NOISE = /^\s+at |^Node\.js v\d|^\s*errors: \[Getter\/Setter\]$/;

/**
 * The last lines of a command's output, which is where compilers and npm say what went
 * wrong, without stack frames.
 */
export function tailOf(output: string, lines = TAIL_LINES): string {
  const kept = output
    .trimEnd()
    .split('\n')
    .filter((line) => !NOISE.test(line));
  const tail = kept.slice(-lines).join('\n');
  return kept.length > lines ? `…\n${tail}` : tail;
}

/** Runs a command to its end and reports how it ended; never throws for a non-zero exit. */
export function execute(
  command: string,
  args: readonly string[],
  options: CommandOptions,
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: childEnv(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let stdout = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 120_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new CheckFailure(`cannot run ${command}: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output, stdout, timedOut });
    });
  });
}

/** The command line as a person would type it, for failure messages. */
export function describeCommand(command: string, args: readonly string[]): string {
  return [command, ...args]
    .map((part) => (/\s/.test(part) ? JSON.stringify(part) : part))
    .join(' ');
}

/**
 * Runs a command that must succeed; a non-zero exit or a timeout fails the check with the
 * command line and the tail of what it printed.
 */
export async function runCommand(
  command: string,
  args: readonly string[],
  options: CommandOptions,
): Promise<CommandResult> {
  const result = await execute(command, args, options);
  if (result.code === 0) return result;
  const how = result.timedOut
    ? `timed out after ${(options.timeoutMs ?? 120_000) / 1000} s`
    : `exited with ${result.code ?? result.signal}`;
  throw new CheckFailure(
    `\`${describeCommand(command, args)}\` ${how}:\n${tailOf(result.output) || '(no output)'}`,
  );
}

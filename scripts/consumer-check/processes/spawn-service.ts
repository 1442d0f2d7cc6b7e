import { type ChildProcess, spawn } from 'node:child_process';
import { CheckFailure } from '../check-failure';
import { childEnv } from './child-env';

/** How a service ended. */
export interface ServiceExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A long-running process this check started (a dev server, the Rapport server). */
export interface Service {
  readonly pid: number;
  /** Everything it printed so far, stdout and stderr interleaved. */
  output(): string;
  /** Settles when the process has exited. */
  readonly exited: Promise<ServiceExit>;
  /** Whether it is still running. */
  running(): boolean;
  /**
   * Sends SIGTERM to its PID and waits up to `graceMs` for it to exit; if it has not,
   * kills its process group with SIGKILL. Returns how it ended, or undefined when it had
   * to be killed. Safe to call when it has already exited.
   */
  stop(graceMs: number): Promise<ServiceExit | undefined>;
}

/** Every service still running, so that an interrupted check does not leave one behind. */
const running = new Set<ChildProcess>();

/** Kills (SIGKILL, by PID, with the group each was given) every service this process started. */
export function killStartedServices(): void {
  for (const child of running) {
    if (child.pid !== undefined) killGroup(child.pid);
  }
  running.clear();
}

function killGroup(pid: number): void {
  try {
    // Negative: the process group that `detached` gave it, so a child it spawned goes too.
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function waitFor<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    promise.then((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

/**
 * Starts `command` in its own process group (so that a stop reaches what it spawned too),
 * with the cleaned environment plus `env`.
 */
export function startService(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string> },
): Service {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: childEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  if (child.pid === undefined) throw new CheckFailure(`cannot start ${command}`);
  const pid = child.pid;
  running.add(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  let hasExited = false;
  const exited = new Promise<ServiceExit>((resolve) => {
    child.on('exit', (code, signal) => {
      hasExited = true;
      running.delete(child);
      resolve({ code, signal });
    });
  });

  return {
    pid,
    exited,
    output: () => output,
    running: () => !hasExited,
    async stop(graceMs) {
      if (hasExited) return exited;
      process.kill(pid, 'SIGTERM');
      const exit = await waitFor(exited, graceMs);
      if (exit) return exit;
      killGroup(pid);
      await waitFor(exited, 5_000);
      return undefined;
    },
  };
}

import { type ChildProcess, spawn } from 'node:child_process';
import { SERVER_PACKAGE_DIR } from '../../src/cli-config';
import { CLI_ARGS } from '../../test/helpers/cli';

/** One `rapport start` process. */
export interface Instance {
  child: ChildProcess;
  port: number;
  /** Resolves with the exit code (or the signal's name) once the process is gone. */
  exited: Promise<number | string | null>;
}

/** Every process this bench started and has not seen exit, for the `finally` and SIGINT. */
const running = new Set<ChildProcess>();

/** A line an instance logged about Redis (falling back to memory limits, or back to Redis). */
export interface RedisNote {
  /** `performance.now()` when the line was read. */
  at: number;
  port: number;
  msg: string;
}

/** What every instance logged about Redis, in order (at most 200 lines). */
export const redisNotes: RedisNote[] = [];

function noteRedisLines(lines: string[], port: number) {
  for (const line of lines) {
    const msg = /"msg":"(redis[^"]*)"/.exec(line)?.[1];
    if (msg && redisNotes.length < 200) redisNotes.push({ at: performance.now(), port, msg });
  }
}

/**
 * Starts `rapport start` from the TypeScript sources (as the tests do) and resolves once it
 * logs that it is listening; rejects with its output if it exits or takes over 60 s (a cold
 * tsx start on a loaded 2-core machine has taken 20 s).
 */
export function startInstance(env: NodeJS.ProcessEnv): Promise<Instance> {
  const child = spawn(process.execPath, [...CLI_ARGS, 'start'], {
    cwd: SERVER_PACKAGE_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const exited = new Promise<number | string | null>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? signal);
    });
  });
  let output = '';
  let port = 0;
  let partial = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start in 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      const text = chunk.toString();
      if (port) {
        const lines = (partial + text).split('\n');
        partial = lines.pop() ?? '';
        return noteRedisLines(lines, port);
      }
      // Keep only the head of the log: the access log of a minute of traffic is not needed.
      if (output.length < 20_000) output += text;
      const match = /"msg":"listening","url":"http:\/\/localhost:(\d+)"/.exec(output);
      if (match) {
        clearTimeout(timer);
        port = Number(match[1]);
        noteRedisLines(output.split('\n'), port);
        resolve({ child, port, exited });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code}) before listening:\n${output}`));
    });
  });
}

/** Sends `signal` and waits (at most `waitMs`) for the exit; returns the exit code or signal. */
export async function stopInstance(
  instance: Instance,
  signal: NodeJS.Signals,
  waitMs = 20_000,
): Promise<number | string | null | 'still running'> {
  if (instance.child.exitCode !== null || instance.child.signalCode !== null) {
    return instance.child.exitCode ?? instance.child.signalCode;
  }
  instance.child.kill(signal);
  const timeout = new Promise<'still running'>((resolve) => {
    setTimeout(() => resolve('still running'), waitMs).unref();
  });
  return Promise.race([instance.exited, timeout]);
}

/** A TCP proxy to Redis that the bench can cut and restore. */
export interface RedisProxy {
  port: number;
  cut(): Promise<void>;
  restore(): Promise<void>;
}

/** Starts `redis-proxy-process.ts` in front of `host:port` (stopped by {@link killAllInstances}). */
export function startRedisProxy(host: string, port: number): Promise<RedisProxy> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/scale-out/redis-proxy-process.ts', host, String(port)],
    { cwd: SERVER_PACKAGE_DIR, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] },
  );
  running.add(child);
  child.once('exit', () => running.delete(child));
  const command = (name: string) =>
    new Promise<void>((resolve) => {
      child.once('message', () => resolve());
      child.send(name);
    });
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', (chunk: Buffer) => {
      const match = /\{"port":(\d+)\}/.exec(chunk.toString());
      if (!match) return reject(new Error(`redis proxy: ${chunk}`));
      resolve({
        port: Number(match[1]),
        cut: () => command('cut'),
        restore: () => command('restore'),
      });
    });
    child.once('exit', (code) => reject(new Error(`redis proxy exited ${code}`)));
  });
}

/** SIGKILLs, by PID, every instance (and the Redis proxy) still running. */
export function killAllInstances() {
  for (const child of running) child.kill('SIGKILL');
}

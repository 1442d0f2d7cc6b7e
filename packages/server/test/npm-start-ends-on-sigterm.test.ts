import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME } from '../src/store/data-dir-lock';

const REPO_DIR = fileURLToPath(new URL('../../..', import.meta.url));
/** The grace period the test sets (RAPPORT_SHUTDOWN_SECONDS), short to keep it quick. */
const GRACE_MS = 2_000;
/** Slack over the grace for closing the store and exiting, on a busy shared machine. */
const EXIT_SLACK_MS = 4_000;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function portIsFree(port: number): Promise<boolean> {
  const probe = createServer();
  return new Promise((resolve) => {
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls `check` (no sleeping on a fixed guess) until it holds or `withinMs` passes. */
async function waitFor(check: () => boolean | Promise<boolean>, withinMs: number) {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return check();
}

describe.each([
  { name: 'npm start', args: ['start'] },
  { name: 'npm start -w @rapport/server', args: ['start', '-w', '@rapport/server'] },
])('SIGTERM to $name', ({ args }) => {
  let npm: ChildProcess | undefined;
  let serverPid: number | undefined;
  let dir: string;

  afterAll(async () => {
    for (const pid of [npm?.pid, serverPid])
      if (pid && isRunning(pid)) process.kill(pid, 'SIGKILL');
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('ends the server within the grace period, even with a client stalling mid-request', async () => {
    dir = await mkdtemp(join(tmpdir(), 'rapport-sigterm-'));
    const port = await freePort();
    const dataDir = join(dir, 'data');
    npm = spawn('npm', args, {
      cwd: REPO_DIR,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        RAPPORT_DEMO: '0',
        RAPPORT_DATA_DIR: dataDir,
        RAPPORT_SHUTDOWN_SECONDS: String(GRACE_MS / 1000),
        DATABASE_URL: '',
        REDIS_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    npm.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const npmExited = new Promise<number | null>((resolve) => npm?.once('exit', resolve));
    expect(await waitFor(() => output.includes('"msg":"listening"'), 150_000), output).toBe(true);
    // The server writes its PID in the data directory's lock: that is the process to watch.
    serverPid = Number((await readFile(join(dataDir, LOCK_FILE_NAME), 'utf8')).trim());
    expect(serverPid).not.toBe(npm.pid);

    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
    // A client that never finishes its request (a slowloris): it is not idle, so only the
    // grace period ends it.
    const stalling = connect(port, '127.0.0.1');
    const stallingClosed = new Promise((resolve) => stalling.once('close', resolve));
    stalling.on('error', () => {});
    stalling.resume(); // read, so the server's close is seen
    await new Promise((resolve) => stalling.once('connect', resolve));
    stalling.write('POST /v1/batch HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le');
    await waitFor(() => stalling.bytesWritten > 0, 1_000);

    const signalledAt = Date.now();
    npm.kill('SIGTERM'); // npm alone, as a process manager or Ctrl-C in a script would
    const pid = serverPid;
    expect(await waitFor(() => !isRunning(pid), GRACE_MS + EXIT_SLACK_MS), output).toBe(true);
    const exitedAfter = Date.now() - signalledAt;
    expect(await portIsFree(port)).toBe(true);
    await stallingClosed;
    // The stalled request had its grace period, and no more than that plus the exit.
    expect(exitedAfter).toBeGreaterThanOrEqual(GRACE_MS - 100);
    expect(exitedAfter).toBeLessThan(GRACE_MS + EXIT_SLACK_MS);
    expect(await npmExited).not.toBeUndefined();
    // It closed its store on the way out: the lock is gone, so the next start needs no takeover.
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
  }, 200_000);
});

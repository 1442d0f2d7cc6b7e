import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirInUseError, LOCK_FILE_NAME } from '../src/store/data-dir-lock';
import { createPgliteStore } from '../src/store/index';
import { CLI_ARGS } from './helpers/cli';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

/** A PID that surely names no process: one of a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

describe('the data directory lock', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rapport-lock-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('holds our PID, refuses a second holder naming it, and is gone once released', async () => {
    const dataDir = join(dir, 'held');
    const lock = acquireDataDirLock(dataDir);
    expect((await readFile(join(dataDir, LOCK_FILE_NAME), 'utf8')).trim()).toBe(
      String(process.pid),
    );
    const second = (() => {
      try {
        acquireDataDirLock(dataDir);
      } catch (error) {
        return error;
      }
    })();
    expect(second).toBeInstanceOf(DataDirInUseError);
    expect((second as Error).message).toContain(
      `in use by another Rapport process (PID ${process.pid})`,
    );
    lock.release();
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
    acquireDataDirLock(dataDir).release();
  });

  it('takes over a lock left by a process that died, or one that holds no PID', async () => {
    for (const content of [`${deadPid()}\n`, 'not a pid']) {
      const dataDir = await mkdtemp(join(dir, 'stale-'));
      await writeFile(join(dataDir, LOCK_FILE_NAME), content);
      const lock = acquireDataDirLock(dataDir);
      expect((await readFile(lock.path, 'utf8')).trim()).toBe(String(process.pid));
      lock.release();
    }
  });

  it('refuses a lock held by another live process', async () => {
    const dataDir = await mkdtemp(join(dir, 'live-'));
    // The parent of this test runner is alive for as long as the test runs.
    await writeFile(join(dataDir, LOCK_FILE_NAME), `${process.ppid}\n`);
    expect(() => acquireDataDirLock(dataDir)).toThrow(`(PID ${process.ppid})`);
    // Refusing must not remove the holder's lock.
    expect((await readFile(join(dataDir, LOCK_FILE_NAME), 'utf8')).trim()).toBe(
      String(process.ppid),
    );
  });
});

interface Server {
  child: ChildProcess;
  base: string;
}

function env(dataDir: string) {
  return {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: '',
    REDIS_URL: '',
    RAPPORT_DEMO: '1',
    RAPPORT_DATA_DIR: dataDir,
    RAPPORT_WIDGET_PATH: join(dataDir, '..', 'missing-rapport.js'),
  };
}

function rapport(command: string, dataDir: string): ChildProcess {
  return spawn(process.execPath, [...CLI_ARGS, command], {
    cwd: PACKAGE_DIR,
    env: env(dataDir),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function startServer(dataDir: string): Promise<Server> {
  const child = rapport('start', dataDir);
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/localhost:\d+)/.exec(output);
      if (match?.[1]) resolve({ child, base: match[1].replace('localhost', '127.0.0.1') });
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`rapport exited with ${code}: ${output}`)));
  });
}

/** Runs a command to its end; resolves with its exit code and everything it printed. */
function run(child: ChildProcess): Promise<{ code: number | null; output: string }> {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

async function sendBatches(base: string, prefix: string, count: number): Promise<number> {
  let accepted = 0;
  for (let i = 0; i < count; i += 1) {
    const messages = Array.from({ length: 10 }, (_, j) => ({
      id: `${prefix}-${i}-${j}`,
      type: 'track',
      event: 'Clicked',
      timestamp: '2026-03-02T11:00:00.000Z',
      anonymousId: 'anon-lock',
    }));
    const res = await fetch(`${base}/v1/batch`, {
      method: 'POST',
      headers: { authorization: 'Bearer pk_demo', 'content-type': 'application/json' },
      body: JSON.stringify({ messages }),
    });
    expect(res.status).toBe(200);
    accepted += ((await res.json()) as { accepted: number }).accepted;
  }
  return accepted;
}

describe('two rapport processes on one data directory', () => {
  let dir: string;
  let first: Server | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rapport-two-'));
  });
  afterAll(async () => {
    if (first && first.child.exitCode === null) first.child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses the second (start and migrate) with the holder PID, and loses nothing the first acknowledged', async () => {
    const dataDir = join(dir, 'data');
    first = await startServer(dataDir);
    let acknowledged = await sendBatches(first.base, 'before', 20);

    for (const command of ['start', 'migrate']) {
      const second = await run(rapport(command, dataDir));
      expect(second.code, second.output).not.toBe(0);
      expect(second.output).toContain(
        `The data directory ${dataDir} is in use by another Rapport process (PID ${first.child.pid}). Stop it first, or use DATABASE_URL for several processes.`,
      );
    }

    acknowledged += await sendBatches(first.base, 'after', 20);
    const exited = run(first.child);
    first.child.kill('SIGTERM');
    expect((await exited).code).toBe(0);
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);

    const store = await createPgliteStore({ dataDir });
    try {
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM events WHERE id LIKE 'before-%' OR id LIKE 'after-%'
      `.execute(store.db);
      expect(acknowledged).toBe(400);
      expect(rows[0]?.n).toBe(400);
    } finally {
      await store.close();
    }
  }, 90_000);
});

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Message } from '@rapport/protocol';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { SERVER_PACKAGE_DIR } from '../src/cli-config';
import { silentLogger } from '../src/logger';
import { backupDataDir, restoreDataDir } from '../src/store/backup';
import { LOCK_FILE_NAME } from '../src/store/data-dir-lock';
import { createPgliteStore, migrate } from '../src/store/index';
import { ingestMessages } from '../src/store/ingest';
import { CLI_ARGS } from './helpers/cli';
import { message, send } from './helpers/requests';
import { seedProjects } from './helpers/test-app';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rapport-backup-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs `rapport <args>` to its end with PGlite in `dataDir`. */
function rapport(args: string[], dataDir: string) {
  const child = spawn(process.execPath, [...CLI_ARGS, ...args], {
    cwd: SERVER_PACKAGE_DIR,
    env: { PATH: process.env.PATH, RAPPORT_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    }),
  );
}

describe('a PGlite backup', () => {
  it('restores into a fresh directory with the data in it, and refuses a directory in use or not empty', async () => {
    const source = join(dir, 'source');
    const store = await createPgliteStore({ dataDir: source });
    await migrate(store);
    await seedProjects(store);
    const feedback = message('feedback', { message: 'Kept across the backup' }) as Message;
    await ingestMessages(
      store.db,
      'proj_test',
      [{ message: feedback, at: '2026-03-02T11:00:00Z' }],
      new Date(),
    );

    // While this process holds the directory, as a running server does, the CLI refuses.
    const file = join(dir, 'rapport.tar.gz');
    const refused = await rapport(['backup', '--out', file], source);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`in use by another Rapport process (PID ${process.pid})`);
    expect(existsSync(file)).toBe(false);
    await store.close();

    expect(await backupDataDir(source, file)).toBeGreaterThan(1000);
    const target = join(dir, 'restored');
    await restoreDataDir(file, target);
    const restored = await createPgliteStore({ dataDir: target });
    try {
      const rows = await sql<{ message: string }>`SELECT message FROM feedback`.execute(
        restored.db,
      );
      expect(rows.rows.map((row) => row.message)).toEqual(['Kept across the backup']);
      const app = createApp({ store: restored, logger: silentLogger });
      expect((await send(app, 'GET', '/ready', undefined, { key: null })).status).toBe(200);
      // A directory in use is refused, and so is one holding anything: nothing is overwritten.
      await expect(restoreDataDir(file, target)).rejects.toThrow(/in use/);
    } finally {
      await restored.close();
    }
    expect(existsSync(join(target, LOCK_FILE_NAME))).toBe(false);
    await expect(restoreDataDir(file, target)).rejects.toThrow(/is not empty/);
    await expect(backupDataDir(join(dir, 'nothing-here'), file)).rejects.toThrow(
      /no Rapport database/,
    );
    const other = join(dir, 'other');
    await rm(other, { recursive: true, force: true });
    await writeFile(join(dir, 'not-a-backup.tar.gz'), 'nope');
    await expect(restoreDataDir(join(dir, 'not-a-backup.tar.gz'), other)).rejects.toThrow();
  }, 60_000);
});

import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { acquireDataDirLock, LOCK_FILE_NAME } from './data-dir-lock';

/** Thrown when a backup is asked of a directory that holds no database. */
export class NoDatabaseError extends Error {
  override readonly name = 'NoDatabaseError' as const;
  constructor(dataDir: string) {
    super(`There is no Rapport database in ${dataDir} (check RAPPORT_DATA_DIR).`);
  }
}

/** Thrown when a restore would overwrite data. */
export class DataDirNotEmptyError extends Error {
  override readonly name = 'DataDirNotEmptyError' as const;
  constructor(dataDir: string) {
    super(
      `The data directory ${dataDir} is not empty. Restore into a new directory, then point ` +
        'RAPPORT_DATA_DIR at it (or move this one aside first).',
    );
  }
}

/**
 * Writes a PGlite data directory as one gzipped tarball (PGlite's `dumpDataDir`). It takes
 * the directory's lock first, so it refuses while a server or another command uses it: a copy
 * of files under a running database is not a backup. Written under a temporary name and then
 * renamed, so `outFile` is either the old file or the whole new backup, never half of one.
 *
 * @throws DataDirInUseError when a live process holds `dataDir`; NoDatabaseError when it
 *   holds no database.
 * @returns the size of the backup in bytes.
 * @example
 * await backupDataDir('./.rapport/', 'rapport-2026-12-03.tar.gz');
 */
export async function backupDataDir(dataDir: string, outFile: string): Promise<number> {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) throw new NoDatabaseError(dataDir);
  const lock = acquireDataDirLock(dataDir);
  try {
    const pglite = new PGlite(dataDir);
    let bytes: Buffer;
    try {
      await pglite.waitReady;
      bytes = Buffer.from(await (await pglite.dumpDataDir('gzip')).arrayBuffer());
    } finally {
      await pglite.close();
    }
    const temp = `${outFile}.${process.pid}.partial`;
    await writeFile(temp, bytes);
    renameSync(temp, outFile);
    return bytes.length;
  } finally {
    lock.release();
  }
}

/**
 * Restores a tarball made by {@link backupDataDir} into `dataDir`, which must be new or empty
 * (nothing is ever overwritten), under the directory's lock. PGlite unpacks it at open
 * (`loadDataDir`) and checks it by starting the database on it.
 *
 * @throws DataDirInUseError when a live process holds `dataDir`; DataDirNotEmptyError when
 *   it holds anything.
 * @example
 * await restoreDataDir('rapport-2026-12-03.tar.gz', './.rapport-restored/');
 */
export async function restoreDataDir(file: string, dataDir: string): Promise<void> {
  const tarball = new Blob([await readFile(file)]);
  const lock = acquireDataDirLock(dataDir);
  try {
    if (readdirSync(dataDir).some((name) => name !== LOCK_FILE_NAME)) {
      throw new DataDirNotEmptyError(dataDir);
    }
    try {
      const pglite = new PGlite(dataDir, { loadDataDir: tarball });
      try {
        await pglite.waitReady;
      } finally {
        await pglite.close();
      }
    } catch (error) {
      // Leave no half-restored directory behind for a server to start on.
      for (const name of readdirSync(dataDir)) {
        if (name !== LOCK_FILE_NAME) rmSync(join(dataDir, name), { recursive: true, force: true });
      }
      throw error;
    }
  } finally {
    // The tarball carries the lock file of the directory it was made from: ours again, so
    // that release() removes it instead of leaving a stranger's PID for the next start.
    writeFileSync(join(dataDir, LOCK_FILE_NAME), `${process.pid}\n`);
    lock.release();
  }
}

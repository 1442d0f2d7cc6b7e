import {
  closeSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join, resolve } from 'node:path';

/** Name of the lock file inside the data directory. */
export const LOCK_FILE_NAME = 'rapport.lock';

/** A held lock on a data directory. */
export interface DataDirLock {
  /** The lock file's path. */
  readonly path: string;
  /** Removes the lock file (when it is still ours). Safe to call twice. */
  release(): void;
}

/** Thrown when another live process holds the data directory. */
export class DataDirInUseError extends Error {
  override readonly name = 'DataDirInUseError' as const;
  /** The PID written in the lock file by the process holding it. */
  readonly pid: number;

  constructor(dataDir: string, pid: number) {
    super(
      `The data directory ${dataDir} is in use by another Rapport process (PID ${pid}). ` +
        'Stop it first, or use DATABASE_URL for several processes. ' +
        `(If no Rapport process is running, delete ${join(dataDir, LOCK_FILE_NAME)}.)`,
    );
    this.pid = pid;
  }
}

/** Directories this process holds, so a second open in the same process is refused too. */
const heldHere = new Set<string>();

function readPid(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** True when `pid` names a running process (EPERM: it runs, as another user). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Creates the lock file holding our PID, atomically: written under a private name first, then
 * hard-linked to the lock name, which fails when the name exists — so a reader never sees a
 * half-written file and two processes can never both succeed.
 */
function tryCreate(path: string): boolean {
  const temp = `${path}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

/**
 * Moves a stale lock out of the way. The rename is atomic, so of two processes finding the same
 * stale lock only one moves it; if what we moved is not the stale lock we saw (another process
 * took it over in between), we put it back.
 */
function clearStale(path: string, stalePid: number | undefined) {
  const aside = `${path}.${process.pid}.stale`;
  try {
    renameSync(path, aside);
  } catch {
    return; // already gone: someone else cleared it
  }
  if (readPid(aside) !== stalePid) {
    try {
      linkSync(aside, path);
    } catch {
      // A third process created a new lock meanwhile; it holds the directory either way.
    }
  }
  unlinkSync(aside);
}

/**
 * Takes an exclusive lock on a PGlite data directory: a `rapport.lock` file holding our PID.
 * PGlite has no locking of its own, and two processes on one directory overwrite each other's
 * writes (issue 9: 2,330 acknowledged, 0 stored), so every opener takes this first. A lock left
 * by a process that died (kill -9, power loss) is taken over; a lock naming this very process
 * that this process does not hold is a leftover of an earlier life with the same PID (containers
 * reuse PID 1) and is taken over too. Released by `release()` and, failing that, at exit.
 *
 * @throws DataDirInUseError when a live process holds the directory.
 * @example
 * const lock = acquireDataDirLock('./.rapport/');
 * try { … } finally { lock.release(); }
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const dir = resolve(dataDir);
  if (heldHere.has(dir)) throw new DataDirInUseError(dataDir, process.pid);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE_NAME);
  for (let attempt = 0; !tryCreate(path); attempt += 1) {
    const pid = readPid(path);
    const stale = pid === undefined || pid === process.pid || !isAlive(pid);
    if (!stale || attempt >= 3) throw new DataDirInUseError(dataDir, pid ?? 0);
    clearStale(path, pid);
  }
  heldHere.add(dir);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    heldHere.delete(dir);
    process.removeListener('exit', release);
    // Only our own lock is removed: never one a later process took over.
    if (readPid(path) === process.pid) unlinkSync(path);
  };
  // A process that exits without closing its store (process.exit in a handler) still frees
  // the directory; after kill -9 the next opener finds the PID dead instead.
  process.on('exit', release);
  return { path, release };
}

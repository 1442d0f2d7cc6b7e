import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The one folder under the OS temp dir that holds everything this check makes (tarballs,
 * projects, the server's data), outside the repository so that no project can resolve a
 * package through the repository's node_modules or workspaces.
 */
export interface TempWorkspace {
  readonly root: string;
  /** A new empty folder inside the workspace. */
  folder(name: string): string;
  /** Removes the workspace. Synchronous, so it can run on `process.on('exit')` too. */
  remove(): void;
}

export function createTempWorkspace(): TempWorkspace {
  const root = mkdtempSync(join(tmpdir(), 'rapport-consumer-'));
  return {
    root,
    folder(name) {
      const path = join(root, name);
      mkdirSync(path, { recursive: true });
      return path;
    },
    remove() {
      rmSync(root, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

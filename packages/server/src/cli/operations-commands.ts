import { resolve } from 'node:path';
import type { CliConfig } from '../cli-config';
import { backupDataDir, restoreDataDir } from '../store/backup';
import type { Store } from '../store/index';
import { prune } from '../store/prune';
import { parseArgs, required } from './args';

/** Usage lines for the operations commands (added to `rapport help`). */
export const OPERATIONS_USAGE = `  prune     delete message ids past the idempotency window and events past their
            retention now (start does it hourly), and exit
  backup --out FILE
            write the PGlite data directory to FILE (a .tar.gz) with the server stopped
  restore FILE
            unpack a backup into RAPPORT_DATA_DIR, which must be new or empty`;

/** What {@link prune} is told, from the configuration. */
export function pruneSettingsOf(config: CliConfig) {
  return {
    now: new Date(),
    idempotencyDays: config.idempotencyDays,
    ...(config.eventRetentionDays === undefined
      ? {}
      : { eventRetentionDays: config.eventRetentionDays }),
  };
}

async function pruneNow(config: CliConfig, openStore: () => Promise<Store>) {
  const store = await openStore();
  try {
    const result = await prune(store, pruneSettingsOf(config));
    const events =
      config.eventRetentionDays === undefined
        ? ' (events are kept: RAPPORT_EVENT_RETENTION_DAYS is unset)'
        : ` older than ${config.eventRetentionDays} days`;
    process.stdout.write(
      result.ran
        ? `Pruned ${result.processedMessages} message ids older than ${config.idempotencyDays} days and ${result.events} events${events}.\n`
        : 'Another instance is pruning right now; nothing done.\n',
    );
  } finally {
    await store.close();
  }
}

/** PostgreSQL has its own tools, which also work while the server runs. */
function refuseOnPostgres(config: CliConfig, command: string) {
  if (!config.databaseUrl) return false;
  process.stderr.write(
    `rapport ${command} is for PGlite; with DATABASE_URL set, use pg_dump and pg_restore (see the server README, "Backups").\n`,
  );
  process.exitCode = 2;
  return true;
}

/**
 * Runs `prune`, `backup` or `restore`.
 * @returns false when `argv` names none of them.
 */
export async function runOperationsCommand(
  argv: string[],
  config: CliConfig,
  openStore: () => Promise<Store>,
): Promise<boolean> {
  const [command, ...rest] = argv;
  if (command === 'prune') {
    await pruneNow(config, openStore);
    return true;
  }
  if (command === 'backup') {
    if (refuseOnPostgres(config, command)) return true;
    const out = resolve(required(parseArgs(rest), 'out'));
    const bytes = await backupDataDir(config.dataDir, out);
    process.stdout.write(`Wrote ${config.dataDir} to ${out} (${bytes} bytes).\n`);
    return true;
  }
  if (command === 'restore') {
    if (refuseOnPostgres(config, command)) return true;
    const [file, ...extra] = rest;
    if (!file || file.startsWith('--') || extra.length > 0) {
      throw new Error('Usage: rapport restore FILE (into RAPPORT_DATA_DIR, new or empty).');
    }
    await restoreDataDir(resolve(file), config.dataDir);
    process.stdout.write(`Restored ${file} into ${config.dataDir}.\n`);
    return true;
  }
  return false;
}

import { IDEMPOTENCY_WINDOW_DAYS } from '@rapport/protocol';
import { type Kysely, sql } from 'kysely';
import { DAY_MS } from '../clock';
import type { Database } from './schema';
import type { Store } from './store';

/** Key for `pg_try_advisory_lock`, so of several instances only one prunes at a time. */
export const PRUNE_LOCK_KEY = 724_221_902;

/** Default of {@link PruneOptions.idempotencyDays}. */
export const DEFAULT_IDEMPOTENCY_DAYS = 30;

/** Options for {@link prune}. */
export interface PruneOptions {
  /** The time the ages are measured from. */
  now: Date;
  /**
   * How long a message id is remembered (a re-sent message is a duplicate within it); at
   * least the protocol's {@link IDEMPOTENCY_WINDOW_DAYS} (7).
   * @default 30
   */
  idempotencyDays?: number;
  /**
   * Raw events (identify, page, track) received longer ago than this are deleted; feedback,
   * survey answers and the loyalty ledger are never pruned.
   * @default undefined (events are kept)
   */
  eventRetentionDays?: number;
  /**
   * Rows one statement deletes: small enough that each statement is short, holds few locks
   * and leaves the ingest path room between batches.
   * @default 5_000
   */
  batchSize?: number;
  /**
   * Pause between two statements.
   * @default 200
   */
  pauseMs?: number;
  /** Stops between statements (a shutdown); the statement running finishes first. */
  signal?: AbortSignal;
  /** How a pause is waited (tests inject one); must end early when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** What one {@link prune} run did. */
export interface PruneResult {
  /** False when another instance held the prune lock, so this one did nothing. */
  ran: boolean;
  /** True when `signal` stopped the run before it was done. */
  aborted: boolean;
  processedMessages: number;
  events: number;
}

/** Waits `ms`, or less when `signal` aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

type Db = Kysely<Database>;

/**
 * Deletes rows of `table` whose `column` is before `cutoff`, `batchSize` at a time by row
 * address (`ctid`), so each statement touches only the rows it deletes.
 */
async function deleteInBatches(
  db: Db,
  table: 'processed_messages' | 'events',
  column: 'processed_at' | 'received_at',
  cutoff: Date,
  options: Required<Pick<PruneOptions, 'batchSize' | 'pauseMs' | 'sleep'>> & PruneOptions,
): Promise<{ deleted: number; aborted: boolean }> {
  let deleted = 0;
  for (;;) {
    if (options.signal?.aborted) return { deleted, aborted: true };
    const result = await sql`
      DELETE FROM ${sql.table(table)} WHERE ctid = ANY(ARRAY(
        SELECT ctid FROM ${sql.table(table)} WHERE ${sql.ref(column)} < ${cutoff.toISOString()}
        LIMIT ${options.batchSize}
      ))`.execute(db);
    const count = Number(result.numAffectedRows ?? 0);
    deleted += count;
    if (count < options.batchSize) return { deleted, aborted: false };
    await options.sleep(options.pauseMs, options.signal);
  }
}

async function pruneWith(db: Db, options: PruneOptions): Promise<PruneResult> {
  const settings = {
    batchSize: 5_000,
    pauseMs: 200,
    sleep: abortableSleep,
    ...options,
  };
  const idempotencyDays = options.idempotencyDays ?? DEFAULT_IDEMPOTENCY_DAYS;
  const now = options.now.getTime();
  const ids = await deleteInBatches(
    db,
    'processed_messages',
    'processed_at',
    new Date(now - idempotencyDays * DAY_MS),
    settings,
  );
  const result = { ran: true, aborted: ids.aborted, processedMessages: ids.deleted, events: 0 };
  if (ids.aborted || options.eventRetentionDays === undefined) return result;
  const cutoff = new Date(now - options.eventRetentionDays * DAY_MS);
  const events = await deleteInBatches(db, 'events', 'received_at', cutoff, settings);
  return { ...result, aborted: events.aborted, events: events.deleted };
}

/**
 * Deletes what is past its retention: message ids older than the idempotency window, and raw
 * events older than `eventRetentionDays` when set. Feedback, survey answers and the loyalty
 * ledger are never touched. On PostgreSQL the run holds an advisory lock (on a connection of
 * its own, for the whole run), so of several instances one prunes and the others return
 * `ran: false` at once; PGlite has one process anyway, and a held connection there would
 * block every request, so its statements go through the store's queue like any other.
 *
 * @throws RangeError when `idempotencyDays` is below 7 or `eventRetentionDays` below 1.
 * @example
 * await prune(store, { now: new Date(), eventRetentionDays: 395 });
 */
export async function prune(store: Store, options: PruneOptions): Promise<PruneResult> {
  const days = options.idempotencyDays ?? DEFAULT_IDEMPOTENCY_DAYS;
  if (!(days >= IDEMPOTENCY_WINDOW_DAYS)) {
    throw new RangeError(`The idempotency window is at least ${IDEMPOTENCY_WINDOW_DAYS} days.`);
  }
  if (options.eventRetentionDays !== undefined && !(options.eventRetentionDays >= 1)) {
    throw new RangeError('Event retention is at least 1 day.');
  }
  if (store.kind === 'pglite') return pruneWith(store.db, options);
  return store.db.connection().execute(async (connection) => {
    const lock = await sql<{ locked: boolean }>`
      SELECT pg_try_advisory_lock(${PRUNE_LOCK_KEY}) AS locked`.execute(connection);
    if (!lock.rows[0]?.locked) {
      return { ran: false, aborted: false, processedMessages: 0, events: 0 };
    }
    try {
      return await pruneWith(connection, options);
    } finally {
      await sql`SELECT pg_advisory_unlock(${PRUNE_LOCK_KEY})`.execute(connection);
    }
  });
}

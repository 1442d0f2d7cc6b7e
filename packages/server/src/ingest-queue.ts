import type { Kysely } from 'kysely';
import { classifyDatabaseError } from './database-errors';
import { ApiError } from './errors';
import { type IngestMessage, type IngestRow, ingestRows, messageKey, rowOf } from './store/ingest';
import type { Database } from './store/schema';

/** Options for {@link createIngestQueue}. */
export interface IngestQueueOptions {
  /**
   * Statements in flight at once; batches arriving meanwhile wait and are written together.
   * @default 4
   */
  maxInFlight?: number;
  /**
   * Most rows one statement carries.
   * @default 2000
   */
  maxRowsPerStatement?: number;
  /**
   * Longest a batch waits for its statement to start. Past it, the batch is answered 503
   * `unavailable` (with `Retry-After`) and not written: the database is not keeping up, and
   * the SDK keeps the batch and sends it again later. How long a started statement may take
   * is bounded by the store's own timeouts.
   * @default 5_000
   */
  maxWaitMs?: number;
  /**
   * Most rows waiting at once (20,000 events/s is 2.5 s of them). A batch that would go past
   * it is answered 503 `unavailable` at once, so a slow database cannot make the queue, and
   * the process's memory, grow without bound.
   * @default 50_000
   */
  maxPendingRows?: number;
  /**
   * Told of every statement written: its rows and how many batches it combined (metrics).
   * @default undefined
   */
  onStatement?: (rows: number, batches: number) => void;
}

/** Writes batches, combining those that arrive together into one statement. */
export interface IngestQueue {
  /**
   * Stores one batch; resolves with how many of its messages were new.
   * @throws ApiError 503 `unavailable` when the queue is full or the batch waited too long.
   */
  ingest(projectId: string, messages: IngestMessage[], receivedAt: Date): Promise<number>;
}

interface Pending {
  rows: IngestRow[];
  queuedAt: number;
  resolve(accepted: number): void;
  reject(error: unknown): void;
}

/** Seconds a refused client is told to wait: long enough for the database to catch up. */
const RETRY_AFTER_SECONDS = '5';

function busy(why: string): ApiError {
  return new ApiError(
    503,
    'unavailable',
    `The database is not keeping up (${why}); retry shortly.`,
    {
      headers: { 'Retry-After': RETRY_AFTER_SECONDS },
    },
  );
}

/**
 * Group commit for ingest. Every commit waits for a WAL flush (~2 ms here), so one statement
 * per HTTP request caps throughput at the disk's flush rate. While `maxInFlight` statements
 * run, newly arrived batches queue; the next statement takes all of them. Each request is
 * still answered only after its rows are committed, so nothing acknowledged can be lost.
 * A flush starts when a batch arrives with room in flight, or when one finishes. The only
 * timer is one per queue, armed for the oldest waiting batch while any waits, so the bound on
 * waiting costs nothing per batch.
 */
export function createIngestQueue(
  db: Kysely<Database>,
  options: IngestQueueOptions = {},
): IngestQueue {
  const maxInFlight = options.maxInFlight ?? 4;
  const maxRows = options.maxRowsPerStatement ?? 2000;
  const maxWaitMs = options.maxWaitMs ?? 5_000;
  const maxPendingRows = options.maxPendingRows ?? 50_000;
  const pending: Pending[] = [];
  let pendingRows = 0;
  let inFlight = 0;
  let expiry: NodeJS.Timeout | undefined;

  function take(): Pending {
    const next = pending.shift() as Pending;
    pendingRows -= next.rows.length;
    return next;
  }

  /** Refuses the batches that waited past `maxWaitMs`, then re-arms for the oldest left. */
  function expire() {
    expiry = undefined;
    const deadline = Date.now() - maxWaitMs;
    while (pending.length > 0 && (pending[0] as Pending).queuedAt <= deadline) {
      take().reject(busy(`a batch waited over ${maxWaitMs} ms`));
    }
    armExpiry();
  }

  function armExpiry() {
    const oldest = pending[0];
    if (expiry || !oldest) return;
    expiry = setTimeout(expire, Math.max(0, oldest.queuedAt + maxWaitMs - Date.now()));
    // Waiting batches keep their requests open; the timer alone must not keep the process.
    expiry.unref();
  }

  /** Writes one statement; resolves with how many rows of each batch were new. */
  async function write(group: Pending[]): Promise<number[]> {
    // A message id sent twice in one statement would be inserted twice by the CTEs, so
    // repeats across the grouped batches are left out (and count as duplicates).
    const seen = new Set<string>();
    const unique = group.map((item) =>
      item.rows.filter((row) => {
        const key = messageKey(row.project_id, row.id);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      }),
    );
    const rows = unique.flat();
    options.onStatement?.(rows.length, group.length);
    const fresh = await ingestRows(db, rows);
    return unique.map(
      (rows) => rows.filter((row) => fresh.has(messageKey(row.project_id, row.id))).length,
    );
  }

  /** Writes a group and says how to answer each batch; never throws. */
  async function settle(group: Pending[]): Promise<Array<() => void>> {
    try {
      const counts = await write(group);
      return group.map((item, index) => () => item.resolve(counts[index] ?? 0));
    } catch (error) {
      // One bad batch must not fail its neighbours: retry them one by one. Not after a lost
      // connection, though: the statement may have committed without us hearing back, and a
      // retry would then call this very write "duplicates". Failing all (503) lets each
      // client's own retry find out, and a retry on a dead database would fail anyway.
      if (group.length === 1 || classifyDatabaseError(error) === 'unavailable') {
        return group.map((item) => () => item.reject(error));
      }
      return Promise.all(
        group.map((item) =>
          write([item]).then(
            ([count]) =>
              () =>
                item.resolve(count ?? 0),
            (alone: unknown) => () => item.reject(alone),
          ),
        ),
      );
    }
  }

  async function flush() {
    const group: Pending[] = [];
    let rows = 0;
    while (
      pending.length > 0 &&
      (group.length === 0 || rows + (pending[0]?.rows.length ?? 0) <= maxRows)
    ) {
      const next = take();
      rows += next.rows.length;
      group.push(next);
    }
    inFlight += 1;
    const answers = await settle(group);
    // The slot is free before anyone hears back, so a client that sends its next batch as
    // soon as this one is answered finds room in flight instead of waiting behind nothing.
    inFlight -= 1;
    if (pending.length > 0) void flush();
    for (const answer of answers) answer();
  }

  return {
    ingest(projectId, messages, receivedAt) {
      if (messages.length === 0) return Promise.resolve(0);
      if (pendingRows + messages.length > maxPendingRows && pending.length > 0) {
        return Promise.reject(busy(`over ${maxPendingRows} messages are waiting`));
      }
      const received = receivedAt.toISOString();
      const rows = messages.map(({ message, at }) => rowOf(projectId, message, at, received));
      return new Promise<number>((resolve, reject) => {
        pending.push({ rows, queuedAt: Date.now(), resolve, reject });
        pendingRows += rows.length;
        if (inFlight < maxInFlight) void flush();
        else armExpiry();
      });
    },
  };
}

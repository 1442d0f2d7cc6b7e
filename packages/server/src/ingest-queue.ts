import type { Kysely } from 'kysely';
import { classifyDatabaseError } from './database-errors';
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
}

/** Writes batches, combining those that arrive together into one statement. */
export interface IngestQueue {
  /** Stores one batch; resolves with how many of its messages were new. */
  ingest(projectId: string, messages: IngestMessage[], receivedAt: Date): Promise<number>;
}

interface Pending {
  rows: IngestRow[];
  resolve(accepted: number): void;
  reject(error: unknown): void;
}

/**
 * Group commit for ingest. Every commit waits for a WAL flush (~2 ms here), so one statement
 * per HTTP request caps throughput at the disk's flush rate. While `maxInFlight` statements
 * run, newly arrived batches queue; the next statement takes all of them. Each request is
 * still answered only after its rows are committed, so nothing acknowledged can be lost.
 * No timer: a flush starts when a batch arrives with room in flight, or when one finishes.
 */
export function createIngestQueue(
  db: Kysely<Database>,
  options: IngestQueueOptions = {},
): IngestQueue {
  const maxInFlight = options.maxInFlight ?? 4;
  const maxRows = options.maxRowsPerStatement ?? 2000;
  const pending: Pending[] = [];
  let inFlight = 0;

  async function write(group: Pending[]) {
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
    const fresh = await ingestRows(db, unique.flat());
    group.forEach((item, index) => {
      const rows = unique[index] ?? [];
      item.resolve(rows.filter((row) => fresh.has(messageKey(row.project_id, row.id))).length);
    });
  }

  async function flush() {
    const group: Pending[] = [];
    let rows = 0;
    while (
      pending.length > 0 &&
      (group.length === 0 || rows + (pending[0]?.rows.length ?? 0) <= maxRows)
    ) {
      const next = pending.shift() as Pending;
      rows += next.rows.length;
      group.push(next);
    }
    inFlight += 1;
    try {
      await write(group);
    } catch (error) {
      // One bad batch must not fail its neighbours: retry them one by one. Not after a lost
      // connection, though: the statement may have committed without us hearing back, and a
      // retry would then call this very write "duplicates". Failing all (503) lets each
      // client's own retry find out, and a retry on a dead database would fail anyway.
      if (group.length === 1 || classifyDatabaseError(error) === 'unavailable') {
        for (const item of group) item.reject(error);
      } else await Promise.all(group.map((item) => write([item]).catch(item.reject)));
    } finally {
      inFlight -= 1;
      if (pending.length > 0) void flush();
    }
  }

  return {
    ingest(projectId, messages, receivedAt) {
      if (messages.length === 0) return Promise.resolve(0);
      const received = receivedAt.toISOString();
      const rows = messages.map(({ message, at }) => rowOf(projectId, message, at, received));
      return new Promise<number>((resolve, reject) => {
        pending.push({ rows, resolve, reject });
        if (inFlight < maxInFlight) void flush();
      });
    },
  };
}

import type { Message } from '@rapport/protocol';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isApiError } from '../src/errors';
import { createIngestQueue } from '../src/ingest-queue';
import type { IngestMessage } from '../src/store/ingest';
import { databases, type OpenedDatabase } from './helpers/databases';
import { message } from './helpers/requests';
import { seedProjects } from './helpers/test-app';

const PROJECT = 'proj_test';
const RECEIVED = new Date('2026-03-02T12:00:00.000Z');

function tracks(...ids: string[]): IngestMessage[] {
  return ids.map((id) => ({
    message: message('track', { id }) as Message,
    at: '2026-03-02T11:00:00.000Z',
  }));
}

/** What a client would be answered for one batch, and after how long. */
async function outcome(promise: Promise<number>, startedAt: number) {
  try {
    return { accepted: await promise, ms: Date.now() - startedAt };
  } catch (error) {
    if (!isApiError(error)) throw error;
    return {
      status: error.status,
      code: error.code,
      retryAfter: error.headers['Retry-After'],
      ms: Date.now() - startedAt,
    };
  }
}

describe.each(databases)('the ingest queue while the database is slow, on $name', (database) => {
  let opened: OpenedDatabase;
  beforeAll(async () => {
    opened = await database.open();
  }, 90_000);
  afterAll(() => opened?.close());
  beforeEach(async () => {
    await opened.truncate();
    await seedProjects(opened.store);
  });

  /**
   * Holds processed_messages locked (on PGlite, also its one connection) until `release()`: the
   * queue's statements wait as they would behind a database that is not keeping up.
   */
  async function slowDatabase() {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const held = opened.store.db.transaction().execute(async (trx) => {
      await sql`LOCK TABLE processed_messages IN EXCLUSIVE MODE`.execute(trx);
      locked();
      await gate;
    });
    await isLocked;
    return {
      release: async () => {
        release();
        await held;
      },
    };
  }

  async function storedIds(): Promise<string[]> {
    const { rows } = await sql<{ id: string }>`SELECT id FROM events ORDER BY id`.execute(
      opened.store.db,
    );
    return rows.map((row) => row.id);
  }

  it('answers 503 with Retry-After 5 at once when the waiting rows would pass maxPendingRows, and at maxWaitMs for those that wait', async () => {
    const queue = createIngestQueue(opened.store.db, {
      maxInFlight: 1,
      maxWaitMs: 300,
      maxPendingRows: 3,
    });
    const slow = await slowDatabase();
    const startedAt = Date.now();
    const inFlight = outcome(queue.ingest(PROJECT, tracks('in-flight'), RECEIVED), startedAt);
    // Three rows wait: exactly the bound, so both batches are queued.
    const waiting = [
      outcome(queue.ingest(PROJECT, tracks('w-1', 'w-2'), RECEIVED), startedAt),
      outcome(queue.ingest(PROJECT, tracks('w-3'), RECEIVED), startedAt),
    ];
    // A fourth row would pass it: refused without waiting.
    const overflow = await outcome(queue.ingest(PROJECT, tracks('over'), RECEIVED), startedAt);
    expect(overflow).toMatchObject({ status: 503, code: 'unavailable', retryAfter: '5' });
    expect(overflow.ms).toBeLessThan(150);

    for (const result of await Promise.all(waiting)) {
      expect(result).toMatchObject({ status: 503, code: 'unavailable', retryAfter: '5' });
      expect(result.ms).toBeGreaterThanOrEqual(290);
    }
    await slow.release();
    // The statement that had started is written and acknowledged; the refused were not.
    expect(await inFlight).toMatchObject({ accepted: 1 });
    expect(await storedIds()).toEqual(['in-flight']);
    // The queue is empty again: a new batch is taken at once and written in full.
    expect(await queue.ingest(PROJECT, tracks('w-1', 'w-2', 'w-3', 'over'), RECEIVED)).toBe(4);
  });

  it('refuses no batch when the queue is empty, however large, and never times out one that started', async () => {
    const queue = createIngestQueue(opened.store.db, { maxPendingRows: 1, maxWaitMs: 100 });
    const slow = await slowDatabase();
    const big = queue.ingest(PROJECT, tracks('big-1', 'big-2', 'big-3'), RECEIVED);
    // Longer than maxWaitMs: only waiting batches expire, not one whose statement started.
    await new Promise((resolve) => setTimeout(resolve, 250));
    await slow.release();
    expect(await big).toBe(3);
    expect(await queue.ingest(PROJECT, [], RECEIVED)).toBe(0);
  });

  it('writes the batches that waited together, up to maxRowsPerStatement rows a statement', async () => {
    const statements: Array<[rows: number, batches: number]> = [];
    const queue = createIngestQueue(opened.store.db, {
      maxInFlight: 1,
      maxRowsPerStatement: 3,
      onStatement: (rows, batches) => statements.push([rows, batches]),
    });
    const slow = await slowDatabase();
    const first = queue.ingest(PROJECT, tracks('first'), RECEIVED);
    const grouped = [
      queue.ingest(PROJECT, tracks('a-1', 'a-2'), RECEIVED),
      queue.ingest(PROJECT, tracks('b-1'), RECEIVED),
      queue.ingest(PROJECT, tracks('c-1', 'c-2'), RECEIVED),
      // Alone over the limit: a statement still takes it, whole.
      queue.ingest(PROJECT, tracks('d-1', 'd-2', 'd-3', 'd-4'), RECEIVED),
    ];
    await slow.release();
    expect(await Promise.all([first, ...grouped])).toEqual([1, 2, 1, 2, 4]);
    expect(statements).toEqual([
      [1, 1],
      [3, 2],
      [2, 1],
      [4, 1],
    ]);
    expect(await storedIds()).toHaveLength(10);
  });
});

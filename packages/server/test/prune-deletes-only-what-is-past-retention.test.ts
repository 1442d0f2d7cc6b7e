import type { Message } from '@rapport/protocol';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../src/logger';
import { startPruneJob } from '../src/prune-job';
import { ingestMessages } from '../src/store/ingest';
import { abortableSleep, prune } from '../src/store/prune';
import { databases } from './helpers/databases';
import { message } from './helpers/requests';
import { useTestApp } from './helpers/test-app';

const NOW = new Date('2026-03-02T12:00:00.000Z');
const OLD = new Date('2026-01-01T12:00:00.000Z'); // 60 days before NOW
const RECENT = new Date('2026-02-25T12:00:00.000Z'); // 5 days before NOW

const noPause = async () => {};

describe.each(databases)('pruning on $name', (database) => {
  const ctx = useTestApp(database);

  async function count(table: string): Promise<number> {
    const result = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(
      ctx.store.db,
    );
    return Number(result.rows[0]?.n);
  }

  async function store(receivedAt: Date, types: string[]) {
    const messages = types.map((type) => ({
      message: message(type) as Message,
      at: receivedAt.toISOString(),
    }));
    await ingestMessages(ctx.store.db, 'proj_test', messages, receivedAt);
  }

  /** Old rows of every kind, and recent events; answers and ledger entries are old too. */
  async function seed() {
    await store(OLD, ['page', 'track', 'identify', 'feedback', 'page']);
    await store(RECENT, ['page', 'track']);
    await sql`INSERT INTO survey_responses (project_id, id, survey_id, anonymous_id, score, created_at)
      VALUES ('proj_test', 'answer-old', 'nps-1', 'anon-1', 9, ${OLD.toISOString()})`.execute(
      ctx.store.db,
    );
    await sql`INSERT INTO loyalty_ledger (project_id, id, user_id, points, reason, created_at)
      VALUES ('proj_test', 'earn-old', 'user-1', 50, 'signup', ${OLD.toISOString()})`.execute(
      ctx.store.db,
    );
  }

  it('deletes old message ids and events in small batches, and nothing else', async () => {
    await seed();
    let pauses = 0;
    const result = await prune(ctx.store, {
      now: NOW,
      idempotencyDays: 30,
      eventRetentionDays: 30,
      batchSize: 2,
      sleep: async () => {
        pauses += 1;
      },
    });
    expect(result).toEqual({ ran: true, aborted: false, processedMessages: 5, events: 4 });
    // 5 ids in batches of 2 pause twice (2, 2, then 1 ends it); 4 events pause twice (2, 2, 0).
    expect(pauses).toBe(4);
    expect(await count('processed_messages')).toBe(2);
    expect(await count('events')).toBe(2);
    expect(await count('feedback')).toBe(1);
    expect(await count('survey_responses')).toBe(1);
    expect(await count('loyalty_ledger')).toBe(1);
  });

  it('keeps events without a retention, and ids younger than the window', async () => {
    await seed();
    const result = await prune(ctx.store, { now: NOW, idempotencyDays: 90, sleep: noPause });
    expect(result).toMatchObject({ ran: true, processedMessages: 0, events: 0 });
    expect(await count('events')).toBe(6);
    const sooner = await prune(ctx.store, { now: NOW, sleep: noPause });
    expect(sooner.processedMessages).toBe(5); // the default window is 30 days
    expect(await count('events')).toBe(6);
  });

  it('never shortens the idempotency window below 7 days', async () => {
    await expect(prune(ctx.store, { now: NOW, idempotencyDays: 6 })).rejects.toThrow(RangeError);
  });

  it('stops between batches when aborted, and a stopped job ends at once', async () => {
    await seed();
    let entered!: () => void;
    const paused = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const job = startPruneJob({
      firstDelayMs: 0,
      intervalMs: 3_600_000,
      logger: silentLogger,
      run: (signal) =>
        prune(ctx.store, {
          now: NOW,
          batchSize: 1,
          pauseMs: 60_000,
          signal,
          sleep: (ms, abort) => {
            entered();
            return abortableSleep(ms, abort);
          },
        }),
    });
    await paused;
    const startedAt = Date.now();
    await job.stop();
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    // One batch of one went before the pause; the rest waits for the next run.
    expect(await count('processed_messages')).toBe(6);
  });
});

const postgres = databases.find((d) => d.name === 'postgres');

describe.runIf(postgres)('pruning from two instances at once on PostgreSQL', () => {
  const ctx = useTestApp(postgres ?? databases[0]!);

  it('lets one run do the work while the other returns at once', async () => {
    const messages = ['page', 'track', 'page'].map((type) => ({
      message: message(type) as Message,
      at: OLD.toISOString(),
    }));
    await ingestMessages(ctx.store.db, 'proj_test', messages, OLD);
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered!: () => void;
    const paused = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const first = prune(ctx.store, {
      now: NOW,
      batchSize: 1,
      sleep: () => {
        entered();
        return held;
      },
    });
    await paused;
    const second = await prune(ctx.store, { now: NOW, batchSize: 1, sleep: noPause });
    expect(second).toEqual({ ran: false, aborted: false, processedMessages: 0, events: 0 });
    release();
    expect(await first).toMatchObject({ ran: true, processedMessages: 3 });
    // The lock was released: the next run takes it.
    expect((await prune(ctx.store, { now: NOW, sleep: noPause })).ran).toBe(true);
  });
});

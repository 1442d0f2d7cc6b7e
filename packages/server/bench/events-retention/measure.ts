import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { decodeCursor } from '../../src/cursor';
import { personOfUser } from '../../src/store/customers-directory';
import type { Store } from '../../src/store/index';
import { abortableSleep, prune } from '../../src/store/prune';
import { timelinePage } from '../../src/store/timeline';
import { FILL_PROJECT } from './fill';

const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** The ingest figures of one fixed workload. */
export interface IngestFigures {
  requests: number;
  eventsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
}

function startBenchServer(env: Record<string, string>): Promise<ChildProcess & { port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/bench-server.ts'], {
    cwd: PACKAGE_DIR,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const match = /\{"port":(\d+)\}/.exec(buffered);
      if (match) resolve(Object.assign(child, { port: Number(match[1]) }));
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

/**
 * Drives the real ingest path (`POST /v1/batch` on the bench server, its own process) with a
 * fixed workload — `requests` batches of 20 new messages over 50 connections — into the filled
 * schema, as the ingest bench does but by amount instead of duration.
 */
export async function measureIngest(
  connectionString: string,
  schema: string,
  label: string,
  requests = 2_000,
): Promise<IngestFigures> {
  const server = await startBenchServer({
    BENCH_DATABASE: 'postgres',
    BENCH_DATABASE_URL: connectionString,
    BENCH_SCHEMA: schema,
  });
  try {
    let sequence = 0;
    const started = performance.now();
    const options: Parameters<typeof autocannon>[0] & { amount: number } = {
      url: `http://127.0.0.1:${server.port}`,
      connections: 50,
      amount: requests,
      requests: [
        {
          method: 'POST',
          path: '/v1/batch',
          headers: { 'content-type': 'application/json', authorization: 'Bearer pk_bench' },
          setupRequest: (request) => {
            sequence += 1;
            const timestamp = new Date().toISOString();
            const messages = Array.from({ length: 20 }, (_, i) => ({
              id: `${label}-${sequence}-${i}`,
              type: 'track',
              timestamp,
              anonymousId: `anon-${sequence % 500}`,
              event: 'Product Viewed',
              properties: { sku: `sku-${i}` },
            }));
            return { ...request, body: JSON.stringify({ messages }) };
          },
        },
      ],
    };
    const result = await autocannon(options);
    const seconds = (performance.now() - started) / 1000;
    return {
      requests: result.requests.total,
      eventsPerSecond: Math.round(((result.requests.total - result.non2xx) * 20) / seconds),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      non2xx: result.non2xx,
    };
  } finally {
    await new Promise<void>((resolve) => {
      server.removeAllListeners('exit');
      server.once('exit', () => resolve());
      server.kill('SIGTERM');
    });
  }
}

/** The timeline figures: first page, and a page 1,000 entries deep. */
export interface TimelineFigures {
  users: number;
  /** Median ms of the first page (50 entries), warm. */
  firstPageMs: number;
  /** The first read of each user (colder cache), median ms. */
  firstReadMs: number;
  /** Median ms of the 21st page (entries 1,001–1,050), reached by cursor. */
  deepPageMs: number;
}

/** Reads the admin API's timeline (the store function its route calls) for a few users. */
export async function measureTimeline(store: Store, users: string[]): Promise<TimelineFigures> {
  const first: number[] = [];
  const warm: number[] = [];
  const deep: number[] = [];
  const read = async (userId: string, cursor?: string) => {
    const started = performance.now();
    const person = await personOfUser(store.db, FILL_PROJECT, userId);
    const page = await timelinePage(store.db, FILL_PROJECT, person, {
      limit: 50,
      ...(cursor && { after: decodeCursor(cursor) }),
    });
    return { ms: performance.now() - started, next: page.nextCursor };
  };
  for (const userId of users) {
    first.push((await read(userId)).ms);
    for (let i = 0; i < 4; i += 1) warm.push((await read(userId)).ms);
    let cursor: string | undefined;
    for (let i = 0; i < 20; i += 1) cursor = (await read(userId, cursor)).next;
    if (cursor) deep.push((await read(userId, cursor)).ms);
  }
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    users: users.length,
    firstPageMs: round(median(warm)),
    firstReadMs: round(median(first)),
    deepPageMs: round(median(deep)),
  };
}

/** One prune pass's figures. */
export interface PruneFigures {
  deleted: number;
  seconds: number;
  /** Seconds spent in statements: the run minus its pauses between them. */
  statementSeconds: number;
  statements: number;
}

/**
 * One real prune pass (`prune()`, the function `rapport prune` runs) whose retention puts the
 * cutoff `monthsOld` months after the first event: it deletes exactly one month.
 */
export async function measurePrune(store: Store, end: Date, monthsKept: number) {
  let paused = 0;
  let pauses = 0;
  const started = performance.now();
  const result = await prune(store, {
    now: end,
    eventRetentionDays: Math.round((monthsKept * 365) / 12),
    sleep: async (ms, signal) => {
      const from = performance.now();
      await abortableSleep(ms, signal);
      paused += performance.now() - from;
      pauses += 1;
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    deleted: result.events,
    seconds: round(seconds),
    statementSeconds: round(seconds - paused / 1000),
    statements: pauses + 2,
  } satisfies PruneFigures;
}

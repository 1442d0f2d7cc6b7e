/**
 * Ingest throughput bench: `npm run bench:ingest -w @rapport/server`.
 *
 * Starts the server in its own process (so the load generator does not share its event loop)
 * against PostgreSQL (TEST_DATABASE_URL or DATABASE_URL, in a schema of its own) and against
 * PGlite (a temp dir), drives `POST /v1/batch` with autocannon — 50 connections, 20 unique
 * messages per request — then reconciles the stored rows with the accepted counts.
 * BENCH_DURATION sets the seconds per database (default 20); BENCH_DATABASES picks them
 * (default `postgres,pglite`). Exported for the repo bench.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import { createPgliteStore, createPostgresStore, type Store } from '../src/store/index';

/** Options for {@link runIngestBench}. */
export interface IngestBenchOptions {
  database: 'postgres' | 'pglite';
  /** Required for `postgres`. */
  connectionString?: string;
  /** @default 20 */
  durationSeconds?: number;
  /** @default 50 */
  connections?: number;
  /** @default 20 */
  batchSize?: number;
}

/** What one run measured. */
export interface IngestBenchResult {
  database: 'postgres' | 'pglite';
  durationSeconds: number;
  connections: number;
  batchSize: number;
  requests: number;
  non2xx: number;
  errors: number;
  eventsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  accepted: number;
  stored: number;
  lost: number;
}

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
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
      if (match) resolve({ child, port: Number(match[1]) });
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function batchBody(runId: string, sequence: number, size: number): string {
  const timestamp = new Date().toISOString();
  const messages = Array.from({ length: size }, (_, i) => ({
    id: `${runId}-${sequence}-${i}`,
    type: i % 4 === 0 ? 'page' : 'track',
    timestamp,
    anonymousId: `anon-${runId}-${sequence % 500}`,
    ...(i % 4 === 0
      ? { url: `https://shop.example/products/${i}` }
      : { event: 'Product Viewed', properties: { sku: `sku-${i}`, price: i * 3 } }),
  }));
  return JSON.stringify({ messages });
}

/**
 * Reconciles: every message id the server acknowledged as accepted must be stored. Messages
 * stored but never acknowledged (requests in flight when the run stopped) are not losses —
 * the SDK would resend them and the server would count them as duplicates.
 */
async function reconcile(store: Store, acknowledged: Set<string>) {
  const { rows } = await sql<{ id: string }>`
    SELECT id FROM events WHERE project_id = 'proj_bench'`.execute(store.db);
  const stored = new Set(rows.map((row) => row.id));
  let lost = 0;
  for (const id of acknowledged) if (!stored.has(id)) lost += 1;
  return { stored: stored.size, lost };
}

async function drive(
  port: number,
  options: Required<Omit<IngestBenchOptions, 'connectionString'>>,
) {
  const runId = randomBytes(4).toString('hex');
  let sequence = 0;
  let accepted = 0;
  const acknowledged = new Set<string>();
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: options.connections,
    duration: options.durationSeconds,
    requests: [
      {
        method: 'POST',
        path: '/v1/batch',
        headers: { 'content-type': 'application/json', authorization: 'Bearer pk_bench' },
        setupRequest: (request, context) => {
          sequence += 1;
          context.sequence = sequence;
          return { ...request, body: batchBody(runId, sequence, options.batchSize) };
        },
        onResponse: (status, body, context) => {
          if (status !== 200) return;
          const answer = JSON.parse(body) as { accepted: number };
          accepted += answer.accepted;
          // Every message of a fresh batch is new, so accepted === batchSize here.
          for (let i = 0; i < answer.accepted; i += 1) {
            acknowledged.add(`${runId}-${String(context.sequence)}-${i}`);
          }
        },
      },
    ],
  });
  return { result, accepted, acknowledged };
}

/**
 * Runs one ingest bench against one database and reconciles what was stored.
 *
 * @example
 * const result = await runIngestBench({ database: 'pglite', durationSeconds: 5 });
 */
export async function runIngestBench(options: IngestBenchOptions): Promise<IngestBenchResult> {
  const settings = {
    database: options.database,
    durationSeconds: options.durationSeconds ?? 20,
    connections: options.connections ?? 50,
    batchSize: options.batchSize ?? 20,
  };
  const schema = `rapport_bench_${randomBytes(4).toString('hex')}`;
  const dataDir =
    options.database === 'pglite' ? await mkdtemp(join(tmpdir(), 'rapport-bench-')) : '';
  const admin =
    options.database === 'postgres'
      ? new pg.Client({ connectionString: options.connectionString })
      : undefined;
  await admin?.connect();
  await admin?.query(`CREATE SCHEMA ${schema}`);
  try {
    const { child, port } = await startServer({
      BENCH_DATABASE: options.database,
      BENCH_DATABASE_URL: options.connectionString ?? '',
      BENCH_SCHEMA: schema,
      BENCH_DATA_DIR: dataDir,
    });
    const { result, accepted, acknowledged } = await drive(port, settings);
    await stopServer(child);
    const store =
      options.database === 'postgres'
        ? createPostgresStore({ connectionString: options.connectionString ?? '', schema })
        : await createPgliteStore({ dataDir });
    const { stored, lost } = await reconcile(store, acknowledged);
    await store.close();
    return {
      ...settings,
      requests: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      eventsPerSecond: Math.round(accepted / settings.durationSeconds),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      accepted,
      stored,
      lost,
    };
  } finally {
    await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.end();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

/** The results as a markdown table. */
export function formatIngestMarkdown(results: IngestBenchResult[]): string {
  const header =
    '| database | events/s | p50 ms | p99 ms | requests | non-2xx | accepted | stored | lost |\n' +
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |';
  const rows = results.map(
    (r) =>
      `| ${r.database} | ${r.eventsPerSecond} | ${r.p50Ms} | ${r.p99Ms} | ${r.requests} | ${r.non2xx} | ${r.accepted} | ${r.stored} | ${r.lost} |`,
  );
  return [header, ...rows].join('\n');
}

async function main() {
  const durationSeconds = Number(process.env.BENCH_DURATION ?? 20);
  const connectionString = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const wanted = (process.env.BENCH_DATABASES ?? 'postgres,pglite').split(',');
  const results: IngestBenchResult[] = [];
  if (!wanted.includes('postgres')) {
    // skipped on request
  } else if (connectionString) {
    results.push(await runIngestBench({ database: 'postgres', connectionString, durationSeconds }));
  } else {
    process.stderr.write(
      'ingest bench: no TEST_DATABASE_URL or DATABASE_URL; PostgreSQL SKIPPED\n',
    );
  }
  if (wanted.includes('pglite')) {
    results.push(await runIngestBench({ database: 'pglite', durationSeconds }));
  }
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n\n${formatIngestMarkdown(results)}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}

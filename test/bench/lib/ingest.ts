import { existsSync } from 'node:fs';
import { REPO_ROOT } from './paths';

/** The fields of the server bench's result this report reads. */
interface IngestResult {
  database: 'postgres' | 'pglite';
  eventsPerSecond: number;
  p99Ms: number;
  accepted: number;
  stored: number;
  lost: number;
  non2xx: number;
  errors: number;
}

interface IngestBenchModule {
  runIngestBench(options: {
    database: 'postgres' | 'pglite';
    connectionString?: string;
    durationSeconds?: number;
  }): Promise<IngestResult>;
  formatIngestMarkdown(results: IngestResult[]): string;
}

const SERVER_BENCH = `${REPO_ROOT}packages/server/bench/ingest.ts`;
const EVENTS_PER_SECOND_BUDGET = 20_000;
const P99_BUDGET_MS = 100;

/**
 * Runs the server's own ingest bench (packages/server/bench/ingest.ts) on PostgreSQL, when a
 * URL is configured, and on PGlite, and renders the section. Reused rather than duplicated,
 * so `npm run bench` and `npm run bench:ingest -w @rapport/server` measure the same thing.
 */
export async function measureIngest(): Promise<string> {
  if (!existsSync(SERVER_BENCH)) throw new Error(`${SERVER_BENCH} is missing`);
  // A computed specifier: the server bench is loaded at run time, not type-checked from here.
  const bench = (await import(SERVER_BENCH)) as IngestBenchModule;
  const durationSeconds = Number(process.env.BENCH_INGEST_SECONDS ?? 20);
  const connectionString = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const results: IngestResult[] = [];
  const notes: string[] = [];
  if (connectionString) {
    console.log('bench: ingest on PostgreSQL');
    results.push(
      await bench.runIngestBench({ database: 'postgres', connectionString, durationSeconds }),
    );
  } else {
    notes.push('- PostgreSQL not measured: set TEST_DATABASE_URL or DATABASE_URL.');
  }
  console.log('bench: ingest on PGlite');
  results.push(await bench.runIngestBench({ database: 'pglite', durationSeconds }));

  const postgres = results.find((result) => result.database === 'postgres');
  const budget = postgres
    ? [
        'Budget (DESIGN.md), PostgreSQL:',
        '',
        check(
          `≥ 20,000 events/s: ${postgres.eventsPerSecond.toLocaleString('en')}`,
          postgres.eventsPerSecond >= EVENTS_PER_SECOND_BUDGET,
        ),
        check(`p99 < 100 ms: ${postgres.p99Ms} ms`, postgres.p99Ms < P99_BUDGET_MS),
        check(
          `nothing lost: ${postgres.lost} of ${postgres.accepted} acknowledged events missing`,
          postgres.lost === 0,
        ),
      ]
    : [];
  return [
    `autocannon for ${durationSeconds} s per database, 50 connections, 20 unique messages per request, against a server in its own process; afterwards every acknowledged message id is looked up in the database ("lost" = acknowledged but not stored).`,
    '',
    bench.formatIngestMarkdown(results),
    '',
    ...notes,
    ...budget,
  ].join('\n');
}

function check(label: string, ok: boolean): string {
  return `- ${ok ? '✅' : '❌'} ${label}`;
}

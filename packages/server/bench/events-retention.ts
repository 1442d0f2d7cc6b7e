/**
 * Does the events table need partitioning? `npm run bench:events-retention -w @rapport/server`.
 *
 * Fills a PostgreSQL schema of its own with BENCH_EVENTS raw events (default 10 million, with
 * generate_series, not through the API) spread over 12 months and 3,000 customers, then
 * measures three things a big events table makes slow — ingest through the real path (a fixed
 * workload of 2,000 batches of 20), one customer's timeline (the admin API's read) and one
 * prune pass deleting one month (`prune()`) — without and with a BRIN index on `received_at`,
 * and once more with the index dropped again on the already-pruned table (the steady state of
 * monthly pruning: the oldest month sits behind pages already emptied). The schema is dropped
 * afterwards, also on Ctrl-C.
 *
 * Environment: TEST_DATABASE_URL or DATABASE_URL; BENCH_EVENTS (10000000).
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createPostgresStore, migrate } from '../src/store/index';
import { upsertProject } from '../src/store/projects';
import { CUSTOMERS, FILL_PROJECT, type FillResult, fillEvents } from './events-retention/fill';
import {
  type IngestFigures,
  measureIngest,
  measurePrune,
  measureTimeline,
  type PruneFigures,
  type TimelineFigures,
} from './events-retention/measure';

/** The index this bench weighs: small, and cheap to keep up on an append-only table. */
export const BRIN_INDEX = 'CREATE INDEX events_by_received ON events USING brin (received_at)';

interface Stage {
  name: string;
  ingest?: IngestFigures;
  timeline?: TimelineFigures;
  prune: PruneFigures;
}

const USERS = ['user-1', 'user-500', 'user-1000', 'user-1500', 'user-1999'];
const log = (line: string) => process.stderr.write(`events-retention: ${line}\n`);

function formatMarkdown(fill: FillResult, stages: Stage[], indexSeconds: number, indexKb: number) {
  const lines = [
    `Filled ${fill.rows.toLocaleString('en')} events over 12 months and ${CUSTOMERS.toLocaleString('en')} customers in ${fill.seconds} s (table ${fill.tableMb} MB, indexes ${fill.indexMb} MB); the BRIN index took ${indexSeconds} s to build and is ${indexKb} kB.`,
    '',
    '| stage | ingest events/s | ingest p50 / p99 ms | timeline first page ms (warm / first read) | timeline page 21 ms | prune one month: rows | s (in statements) |',
    '| --- | ---: | --- | --- | ---: | ---: | --- |',
    ...stages.map((s) => {
      const ingest = s.ingest
        ? `${s.ingest.eventsPerSecond} | ${s.ingest.p50Ms} / ${s.ingest.p99Ms}${s.ingest.non2xx ? ` (${s.ingest.non2xx} non-2xx)` : ''}`
        : '— | —';
      const timeline = s.timeline
        ? `${s.timeline.firstPageMs} / ${s.timeline.firstReadMs} | ${s.timeline.deepPageMs}`
        : '— | —';
      return `| ${s.name} | ${ingest} | ${timeline} | ${s.prune.deleted} | ${s.prune.seconds} (${s.prune.statementSeconds}) |`;
    }),
  ];
  return lines.join('\n');
}

async function run(connectionString: string, rows: number) {
  const schema = `rapport_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const store = createPostgresStore({ connectionString, schema });
  let dropped: Promise<unknown> | undefined;
  const drop = () => {
    dropped ??= admin
      .query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      .catch(() => {})
      .then(() => store.close().catch(() => {}))
      .then(() => admin.end());
    return dropped;
  };
  const onInterrupt = () => {
    void drop().finally(() => process.exit(130));
  };
  process.once('SIGINT', onInterrupt);
  try {
    await migrate(store);
    await upsertProject(store.db, {
      id: FILL_PROJECT,
      name: 'Retention bench',
      publishableKey: 'pk_retention',
      secretKey: 'sk_retention',
      identitySecret: 'is_retention',
      allowedOrigins: [],
    });
    const end = new Date();
    const fill = await fillEvents(admin, schema, rows, end, log);
    log(`filled in ${fill.seconds} s; measuring without the BRIN index`);
    const vacuum = () => admin.query(`VACUUM ANALYZE ${schema}.events`);
    const stages: Stage[] = [];
    stages.push({
      name: 'before: migration indexes only',
      ingest: await measureIngest(connectionString, schema, 'before'),
      timeline: await measureTimeline(store, USERS),
      prune: await measurePrune(store, end, 11),
    });
    await vacuum();
    const indexStarted = performance.now();
    await admin.query(`SET search_path = ${schema}`);
    await admin.query(BRIN_INDEX);
    const indexSeconds = Math.round((performance.now() - indexStarted) / 100) / 10;
    const size = await admin.query<{ kb: string }>(
      `SELECT pg_relation_size('events_by_received') / 1024 AS kb`,
    );
    await admin.query('ANALYZE events');
    log('measuring with the BRIN index');
    stages.push({
      name: 'after: + BRIN (received_at)',
      ingest: await measureIngest(connectionString, schema, 'after'),
      timeline: await measureTimeline(store, USERS),
      prune: await measurePrune(store, end, 10),
    });
    await vacuum();
    await admin.query('DROP INDEX events_by_received');
    await admin.query('RESET search_path');
    log('one more month without the index (the table already pruned twice)');
    stages.push({
      name: 'control: BRIN dropped again, next month',
      prune: await measurePrune(store, end, 9),
    });
    const markdown = formatMarkdown(fill, stages, indexSeconds, Number(size.rows[0]?.kb));
    process.stdout.write(`${JSON.stringify({ fill, stages }, null, 2)}\n\n${markdown}\n`);
  } finally {
    await drop();
    process.off('SIGINT', onInterrupt);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const connectionString = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!connectionString) {
    process.stderr.write('events-retention: set TEST_DATABASE_URL or DATABASE_URL\n');
    process.exit(2);
  }
  await run(connectionString, Number(process.env.BENCH_EVENTS ?? 10_000_000));
}

/**
 * Survey report timing: `npx tsx bench/survey-report.ts` from packages/server.
 *
 * Fills a fresh database (PostgreSQL in a schema of its own when TEST_DATABASE_URL or
 * DATABASE_URL is set; PGlite in memory too with BENCH_PGLITE=1) through the real ingest
 * statement with BENCH_RESPONSES answers to one NPS survey (default 100,000) from a fifth as
 * many people over a year — a third of them identified with a `plan` trait, each with a page
 * view before answering, one in ten dismissing it first — then times the report routes
 * in-process: the median and the slowest of BENCH_RUNS runs (default 10) after 2 warm-ups.
 * Prints a markdown table.
 */
import { randomBytes } from 'node:crypto';
import type { Message } from '@rapport/protocol';
import { sql } from 'kysely';
import pg from 'pg';
import { createApp } from '../src/app';
import { userHashOf } from '../src/identity';
import { silentLogger } from '../src/logger';
import { createPgliteStore, createPostgresStore, migrate, type Store } from '../src/store/index';
import { ingestMessages } from '../src/store/ingest';
import { upsertProject } from '../src/store/projects';

const YEAR_MS = 365 * 86_400_000;
const START = Date.parse('2026-01-01T00:00:00Z');
const PLANS = ['free', 'pro', 'team', 'enterprise'];
const PAGES = ['/', '/pricing', '/checkout', '/account', '/docs'];

/** Every message one answer brings: a page view, maybe an identify and a dismissal, the answer. */
function messagesOf(i: number, people: number): Message[] {
  const person = i % people;
  const at = START + Math.floor((i / (people * 5)) * YEAR_MS) + (i % 997) * 1000;
  const anonymousId = `anon-${person}`;
  const user = person % 3 === 0 ? { userId: `user-${person}` } : {};
  const signed = user.userId ? { ...user, userHash: userHashOf('is_bench', user.userId) } : {};
  const time = (offset: number) => new Date(at + offset).toISOString();
  const out: Message[] = [
    {
      id: `pg-${i}`,
      type: 'page',
      timestamp: time(-5000),
      anonymousId,
      url: `https://shop.example${PAGES[i % PAGES.length]}?v=${i % 7}`,
      ...signed,
    } as Message,
  ];
  if (user.userId && i < people) {
    out.push({
      id: `id-${i}`,
      type: 'identify',
      timestamp: time(-6000),
      anonymousId,
      traits: { plan: PLANS[person % PLANS.length] },
      ...signed,
      userId: user.userId,
    } as Message);
  }
  if (i % 10 === 0) {
    out.push({
      id: `dm-${i}`,
      type: 'track',
      timestamp: time(-3000),
      anonymousId,
      event: '$survey_dismissed',
      properties: { surveyId: 'bench-nps' },
      ...signed,
    } as Message);
  }
  out.push({
    id: `sr-${i}`,
    type: 'survey_response',
    timestamp: time(0),
    anonymousId,
    surveyId: 'bench-nps',
    score: (i * 7 + person) % 11,
    ...(i % 4 === 0 && { comment: `Answer ${i}: checkout ${i % 2 ? 'fast' : 'slow'}` }),
    ...signed,
  } as Message);
  return out;
}

async function fill(store: Store, count: number) {
  await upsertProject(store.db, {
    id: 'proj_bench',
    name: 'Bench',
    publishableKey: 'pk_bench',
    secretKey: 'sk_bench',
    identitySecret: 'is_bench',
    allowedOrigins: [],
  });
  const now = new Date();
  await store.db
    .insertInto('surveys')
    .values({
      project_id: 'proj_bench',
      id: 'bench-nps',
      name: 'Bench NPS',
      type: 'nps',
      question: 'Recommend us?',
      follow_up: 'null',
      targeting: 'null',
      sample_percent: 100,
      recontact_days: 90,
      active: true,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const people = Math.max(1, Math.floor(count / 5));
  for (let offset = 0; offset < count; offset += 150) {
    const batch = [];
    for (let i = offset; i < Math.min(offset + 150, count); i += 1) {
      for (const message of messagesOf(i, people)) batch.push({ message, at: message.timestamp });
    }
    await ingestMessages(store.db, 'proj_bench', batch, now);
  }
}

async function time(app: ReturnType<typeof createApp>, path: string, runs: number) {
  const request = () => app.request(path, { headers: { authorization: 'Bearer sk_bench' } });
  for (let i = 0; i < 2; i += 1) await (await request()).text();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    const res = await request();
    const body = await res.text();
    samples.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${body}`);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(runs / 2)] as number, max: samples.at(-1) as number };
}

const REPORT = '/v1/admin/surveys/bench-nps/report';
const QUERIES = [
  ['report, all time, weekly', REPORT],
  [
    'report, monthly, compared with the previous half-year',
    `${REPORT}?interval=month&from=2026-07-01&to=2026-12-31&compareFrom=2026-01-01&compareTo=2026-06-30`,
  ],
  ['report + breakdown by trait:plan', `${REPORT}?breakdown=trait:plan`],
  ['report + breakdown by tier', `${REPORT}?breakdown=tier`],
  ['report + breakdown by page', `${REPORT}?breakdown=page`],
  ['comments, detractors, q=slow', '/v1/admin/surveys/bench-nps/comments?band=detractor&q=slow'],
  ['survey list with summaries', '/v1/admin/surveys'],
] as const;

async function bench(name: string, store: Store, count: number, runs: number) {
  await migrate(store);
  const t0 = performance.now();
  await fill(store, count);
  // Fresh tables have no statistics; autovacuum would gather them soon after in production.
  await sql`ANALYZE`.execute(store.db);
  console.error(`${name}: ${count} answers stored in ${Math.round(performance.now() - t0)} ms`);
  const app = createApp({ store, logger: silentLogger, limits: { perKey: false, perIp: false } });
  for (const [label, path] of QUERIES) {
    const { median, max } = await time(app, path, runs);
    console.log(`| ${name} | ${label} | ${median.toFixed(0)} | ${max.toFixed(0)} |`);
  }
}

const count = Number(process.env.BENCH_RESPONSES ?? 100_000);
const runs = Number(process.env.BENCH_RUNS ?? 10);
console.log(`Survey report routes with ${count} answers (ms, median and max of ${runs})\n`);
console.log('| database | query | median | max |\n| --- | --- | --- | --- |');
if (process.env.BENCH_PGLITE === '1') {
  const pglite = await createPgliteStore();
  await bench('PGlite', pglite, count, runs);
  await pglite.close();
}
const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (url) {
  const schema = `rapport_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const store = createPostgresStore({ connectionString: url, schema });
  try {
    await bench('PostgreSQL', store, count, runs);
  } finally {
    await store.close();
    // BENCH_KEEP_SCHEMA=1 leaves the data for EXPLAIN ANALYZE in psql.
    if (process.env.BENCH_KEEP_SCHEMA === '1') console.error(`kept schema ${schema}`);
    else await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}

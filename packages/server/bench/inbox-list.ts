/**
 * Inbox list timing: `npx tsx bench/inbox-list.ts` from packages/server.
 *
 * Fills a fresh database (PGlite in memory, and PostgreSQL in a schema of its own when
 * TEST_DATABASE_URL or DATABASE_URL is set) with BENCH_FEEDBACK feedback items (default
 * 10,000) through the real ingest statement, then times `GET /v1/admin/feedback` in-process
 * (first page of 50 with the status counts) unfiltered, filtered and searched: the median and
 * the slowest of BENCH_RUNS runs (default 20) after 3 warm-up runs. Prints a markdown table.
 */
import { randomBytes } from 'node:crypto';
import type { Message } from '@rapport/protocol';
import pg from 'pg';
import { createApp } from '../src/app';
import { silentLogger } from '../src/logger';
import { createPgliteStore, createPostgresStore, migrate, type Store } from '../src/store/index';
import { ingestMessages } from '../src/store/ingest';
import { upsertProject } from '../src/store/projects';

const WORDS = (
  'checkout cart payment refund shipping delivery login password coupon invoice order ' +
  'search filter mobile safari chrome slow crash button page price discount account email ' +
  'love great broken confusing missing fast beautiful support help thanks idea feature'
).split(' ');
const CATEGORIES = ['bug', 'idea', 'praise', 'question', 'other'] as const;

function sentence(seed: number): string {
  return Array.from(
    { length: 8 + (seed % 12) },
    (_, i) => WORDS[(seed * 31 + i * 17) % WORDS.length],
  ).join(' ');
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
  const start = Date.parse('2026-01-01T00:00:00Z');
  for (let offset = 0; offset < count; offset += 500) {
    const batch = Array.from({ length: Math.min(500, count - offset) }, (_, k) => {
      const i = offset + k;
      const message = {
        id: `fb-${i}`,
        type: 'feedback',
        timestamp: new Date(start + i * 60_000).toISOString(),
        anonymousId: `anon-${i % 3000}`,
        message: sentence(i),
        category: CATEGORIES[i % CATEGORIES.length],
        ...(i % 3 === 0 && { email: `customer${i}@example.com` }),
      } as Message;
      return { message, at: message.timestamp };
    });
    await ingestMessages(store.db, 'proj_bench', batch, new Date());
  }
}

async function time(app: ReturnType<typeof createApp>, path: string, runs: number) {
  const request = () => app.request(path, { headers: { authorization: 'Bearer sk_bench' } });
  for (let i = 0; i < 3; i += 1) await (await request()).text();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    const res = await request();
    await res.text();
    samples.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(runs / 2)] as number, max: samples.at(-1) as number };
}

const QUERIES = [
  ['first page', '/v1/admin/feedback'],
  ['status=new', '/v1/admin/feedback?status=new'],
  ['category + hasEmail', '/v1/admin/feedback?category=bug&hasEmail=true'],
  ['q=checkout', '/v1/admin/feedback?q=checkout'],
  ['q="refund shipping"', `/v1/admin/feedback?q=${encodeURIComponent('"refund shipping"')}`],
] as const;

async function bench(name: string, store: Store, count: number, runs: number) {
  await migrate(store);
  const t0 = performance.now();
  await fill(store, count);
  console.error(`${name}: ${count} feedback stored in ${Math.round(performance.now() - t0)} ms`);
  const app = createApp({ store, logger: silentLogger, limits: { perKey: false, perIp: false } });
  for (const [label, path] of QUERIES) {
    const { median, max } = await time(app, path, runs);
    console.log(`| ${name} | ${label} | ${median.toFixed(1)} | ${max.toFixed(1)} |`);
  }
}

const count = Number(process.env.BENCH_FEEDBACK ?? 10_000);
const runs = Number(process.env.BENCH_RUNS ?? 20);
console.log(`GET /v1/admin/feedback with ${count} items (ms, median and max of ${runs})\n`);
console.log('| database | query | median | max |\n| --- | --- | --- | --- |');
const pglite = await createPgliteStore();
await bench('PGlite', pglite, count, runs);
await pglite.close();
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
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}

/**
 * Webhook delivery latency: `npx tsx bench/webhook-latency.ts` from packages/server.
 *
 * Runs the app in-process with the webhook worker (default poll interval, 500 ms) on PGlite in
 * memory, and on PostgreSQL in a schema of its own when TEST_DATABASE_URL or DATABASE_URL is
 * set. Sends BENCH_EVENTS feedback messages (default 200) through `POST /v1/batch`, one every
 * 10–60 ms, to a project with one endpoint on a local receiver (127.0.0.1), and measures from
 * the batch's acknowledgement to the receiver's arrival. Prints p50, p99 and the maximum.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { createApp } from '../src/app';
import { silentLogger } from '../src/logger';
import { createPgliteStore, createPostgresStore, migrate, type Store } from '../src/store/index';
import { upsertProject } from '../src/store/projects';
import { startWebhookWorker } from '../src/webhooks/worker';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 200);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function measure(store: Store) {
  await migrate(store);
  await upsertProject(store.db, {
    id: 'proj_bench',
    name: 'Bench',
    publishableKey: 'pk_bench',
    secretKey: 'sk_bench',
    identitySecret: 'is_bench',
    allowedOrigins: [],
  });
  const arrived = new Map<string, number>();
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      arrived.set(body.data.id, performance.now());
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const { port } = receiver.address() as AddressInfo;
  const app = createApp({
    store,
    logger: silentLogger,
    limits: { perIp: false, perKey: false, perPublishableKey: false },
    webhooks: { allowPrivateDestinations: true },
  });
  const created = await app.request('/v1/admin/webhooks', {
    method: 'POST',
    headers: { authorization: 'Bearer sk_bench', 'content-type': 'application/json' },
    body: JSON.stringify({ url: `http://127.0.0.1:${port}/`, events: ['feedback.created'] }),
  });
  if (created.status !== 201) throw new Error(`endpoint: ${created.status}`);
  const worker = startWebhookWorker({
    store,
    logger: silentLogger,
    allowPrivateDestinations: true,
  });
  const acked = new Map<string, number>();
  for (let i = 0; i < EVENTS; i += 1) {
    const id = `bench-${i}-${randomBytes(4).toString('hex')}`;
    const message = {
      id,
      type: 'feedback',
      timestamp: new Date().toISOString(),
      anonymousId: 'anon-bench',
      message: 'Latency probe',
    };
    const res = await app.request('/v1/batch', {
      method: 'POST',
      headers: { authorization: 'Bearer pk_bench', 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [message] }),
    });
    if (res.status !== 200) throw new Error(`batch: ${res.status}`);
    acked.set(id, performance.now());
    await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 50));
  }
  const deadline = Date.now() + 10_000;
  while (arrived.size < EVENTS && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await worker.stop();
  receiver.close();
  const latencies = [...acked].map(([id, at]) => (arrived.get(id) ?? Number.NaN) - at);
  const sorted = latencies.filter(Number.isFinite).sort((a, b) => a - b);
  return {
    events: EVENTS,
    delivered: sorted.length,
    p50: Math.round(percentile(sorted, 50)),
    p99: Math.round(percentile(sorted, 99)),
    max: Math.round(sorted.at(-1) ?? Number.NaN),
  };
}

async function onPostgres(url: string) {
  const schema = `rapport_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const store = createPostgresStore({ connectionString: url, schema });
  try {
    return await measure(store);
  } finally {
    await store.close();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}

const rows: Array<[string, Awaited<ReturnType<typeof measure>>]> = [];
const pglite = await createPgliteStore();
rows.push(['pglite', await measure(pglite).finally(() => pglite.close())]);
const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (url) rows.push(['postgres', await onPostgres(url)]);
console.log('| database | events | delivered | p50 ms | p99 ms | max ms |');
console.log('| -------- | -----: | --------: | -----: | -----: | -----: |');
for (const [name, r] of rows) {
  console.log(`| ${name} | ${r.events} | ${r.delivered} | ${r.p50} | ${r.p99} | ${r.max} |`);
}

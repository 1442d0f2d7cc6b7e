/**
 * The server process the ingest bench drives: one Rapport app with rate limits off and
 * access logs quiet, on a free port, against the database named by BENCH_DATABASE
 * (`postgres` with BENCH_DATABASE_URL + BENCH_SCHEMA, or `pglite` with BENCH_DATA_DIR).
 * Prints `{"port":…}` on stdout once listening; exits cleanly on SIGTERM.
 */
import { serve } from '@hono/node-server';
import { createApp } from '../src/app';
import { createJsonLogger } from '../src/logger';
import { createPgliteStore, createPostgresStore, migrate, type Store } from '../src/store/index';
import { upsertProject } from '../src/store/projects';

/** The project the bench writes into. */
export const BENCH_PROJECT = { id: 'proj_bench', publishableKey: 'pk_bench' };

async function openStore(): Promise<Store> {
  if (process.env.BENCH_DATABASE === 'postgres') {
    return createPostgresStore({
      connectionString: process.env.BENCH_DATABASE_URL ?? '',
      schema: process.env.BENCH_SCHEMA,
      maxConnections: Number(process.env.BENCH_POOL_SIZE ?? 20),
    });
  }
  return createPgliteStore({ dataDir: process.env.BENCH_DATA_DIR });
}

const store = await openStore();
await migrate(store);
await upsertProject(store.db, {
  ...BENCH_PROJECT,
  name: 'Bench',
  secretKey: 'sk_bench',
  identitySecret: 'is_bench',
  allowedOrigins: [],
});
const app = createApp({
  store,
  logger: createJsonLogger({ quiet: true }),
  limits: { perKey: false, perIp: false },
});
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`${JSON.stringify({ port: info.port })}\n`);
});
process.once('SIGTERM', () => {
  server.close(async () => {
    await store.close();
    process.exit(0);
  });
});

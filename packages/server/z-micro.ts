import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPostgresStore, migrate } from './src/store/index';
import { ingestMessages } from './src/store/ingest';
import { upsertProject } from './src/store/projects';

const url = 'postgres://postgres@127.0.0.1:5432/test';
const schema = `rapport_micro_${randomBytes(3).toString('hex')}`;
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`CREATE SCHEMA ${schema}`);
const store = createPostgresStore({ connectionString: url, schema, maxConnections: 20 });
await migrate(store);
await upsertProject(store.db, {
  id: 'p',
  name: 'p',
  publishableKey: 'pk_x',
  secretKey: 'sk_x',
  identitySecret: 'i',
  allowedOrigins: [],
});
const ts = new Date().toISOString();
let seq = 0;
const batch = () => {
  seq++;
  return Array.from({ length: 20 }, (_, i) => ({
    at: ts,
    message: {
      id: `x-${seq}-${i}`,
      type: 'track' as const,
      timestamp: ts,
      anonymousId: `anon-${seq % 500}`,
      event: 'Viewed',
      properties: { sku: 'a', price: 3 },
    },
  }));
};
for (const conc of [1, 10, 20]) {
  const t0 = performance.now();
  const N = 1500;
  let done = 0;
  await Promise.all(
    Array.from({ length: conc }, async () => {
      while (done < N) {
        done++;
        await ingestMessages(store.db, 'p', batch(), new Date());
      }
    }),
  );
  const s = (performance.now() - t0) / 1000;
  console.log(
    `conc ${conc}: ${((N * 20) / s).toFixed(0)} events/s, ${((s * 1000) / N).toFixed(2)} ms/batch`,
  );
}
await store.close();
await admin.query(`DROP SCHEMA ${schema} CASCADE`);
await admin.end();

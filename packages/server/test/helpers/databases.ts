import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { createPgliteStore, createPostgresStore, migrate, type Store } from '../../src/store/index';

/** One database a test file runs against. */
export interface TestDatabase {
  name: 'pglite' | 'postgres';
  /** A migrated store of its own (a fresh PGlite, or a fresh PostgreSQL schema). */
  open(): Promise<OpenedDatabase>;
}

export interface OpenedDatabase {
  store: Store;
  /** Empties every table, keeping the schema. */
  truncate(): Promise<void>;
  close(): Promise<void>;
}

const TABLES = [
  'projects',
  'customers',
  'processed_messages',
  'events',
  'feedback',
  'feedback_replies',
  'feedback_notes',
  'feedback_tags',
  'surveys',
  'survey_responses',
  'loyalty_members',
  'loyalty_ledger',
  'rewards',
  'loyalty_tiers',
  'ways_to_earn',
  'redemptions',
  'users',
  'memberships',
  'sessions',
  'invitations',
  'audit_log',
];

async function truncateAll(store: Store) {
  await sql.raw(`TRUNCATE ${TABLES.join(', ')} CASCADE`).execute(store.db);
}

const pglite: TestDatabase = {
  name: 'pglite',
  async open() {
    const store = await createPgliteStore();
    await migrate(store);
    return { store, truncate: () => truncateAll(store), close: () => store.close() };
  },
};

function postgres(connectionString: string): TestDatabase {
  return {
    name: 'postgres',
    async open() {
      const schema = `rapport_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      const store = createPostgresStore({ connectionString, schema, maxConnections: 20 });
      await migrate(store);
      return {
        store,
        truncate: () => truncateAll(store),
        async close() {
          await store.close();
          await admin.query(`DROP SCHEMA ${schema} CASCADE`);
          await admin.end();
        },
      };
    },
  };
}

async function canConnect(connectionString: string): Promise<boolean> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** True when missing services must fail the run (CI sets RAPPORT_REQUIRE_SERVICES=1). */
export const servicesRequired = process.env.RAPPORT_REQUIRE_SERVICES === '1';

async function availableDatabases(): Promise<TestDatabase[]> {
  const url = process.env.TEST_DATABASE_URL;
  if (url && (await canConnect(url))) return [pglite, postgres(url)];
  const why = url ? `TEST_DATABASE_URL (${url}) is unreachable` : 'TEST_DATABASE_URL is not set';
  if (servicesRequired) throw new Error(`RAPPORT_REQUIRE_SERVICES=1 but ${why}.`);
  console.warn(`[rapport] PostgreSQL variant SKIPPED: ${why}. Running on PGlite only.`);
  return [pglite];
}

/** The databases this run covers: PGlite always, PostgreSQL when TEST_DATABASE_URL answers. */
export const databases: TestDatabase[] = await availableDatabases();

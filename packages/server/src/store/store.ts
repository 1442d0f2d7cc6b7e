import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createPglitePool } from './pglite-pool';
import type { Database } from './schema';

/** Where Rapport keeps its data: a Kysely handle over PGlite or PostgreSQL. */
export interface Store {
  /** Which engine is behind `db`. */
  readonly kind: 'pglite' | 'postgres';
  /** The query builder; every repository function takes it (or a transaction of it). */
  readonly db: Kysely<Database>;
  /** Closes the connections. */
  close(): Promise<void>;
}

/** Options for {@link createPgliteStore}. */
export interface PgliteStoreOptions {
  /**
   * Directory of the database files. Omit for an in-memory database (tests).
   * @default undefined (in memory)
   * @example './.rapport/'
   */
  dataDir?: string;
}

/**
 * An embedded PostgreSQL (PGlite) store: zero set-up, one process.
 *
 * @example
 * const store = await createPgliteStore({ dataDir: './.rapport/' });
 */
export async function createPgliteStore(options: PgliteStoreOptions = {}): Promise<Store> {
  const pglite = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  await pglite.waitReady;
  const pool = createPglitePool(pglite);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kind: 'pglite', db, close: () => db.destroy() };
}

/** Options for {@link createPostgresStore}. */
export interface PostgresStoreOptions {
  /** A `postgres://` URL. @example 'postgres://postgres@127.0.0.1:5432/rapport' */
  connectionString: string;
  /**
   * Schema to put first on the search path (tests isolate each file in its own schema).
   * @default undefined (the server's default, usually `public`)
   */
  schema?: string;
  /**
   * Most connections this instance opens.
   * @default 10
   */
  maxConnections?: number;
}

/**
 * A PostgreSQL store over a `pg` Pool; run as many instances as you like on one database.
 *
 * @example
 * const store = createPostgresStore({ connectionString: process.env.DATABASE_URL! });
 */
export function createPostgresStore(options: PostgresStoreOptions): Store {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    // pg waits forever for a connection by default; an unreachable database must fail the
    // request (503, which the SDK retries) instead of holding it open.
    connectionTimeoutMillis: 5_000,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // When the server drops a connection (restart, failover, network), pg emits 'error' on
  // the pool for an idle client and on the client itself for one checked out — unheard,
  // either event crashes the process. A checked-out client's query already fails with the
  // same error (answered 503), and the pool discards dead clients, so both are only heard.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kind: 'postgres', db, close: () => db.destroy() };
}

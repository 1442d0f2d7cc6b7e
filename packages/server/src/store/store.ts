import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock } from './data-dir-lock';
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
  /** The connection pool's counts, on PostgreSQL (PGlite has one connection and no pool). */
  poolStats?(): PoolStats;
}

/** A `pg` Pool's counts, read for the metrics. */
export interface PoolStats {
  /** Connections open. */
  total: number;
  /** Open connections not checked out. */
  idle: number;
  /** Queries waiting for a connection. */
  waiting: number;
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
 * An embedded PostgreSQL (PGlite) store: zero set-up, one process. A `dataDir` is locked for
 * as long as the store is open (see {@link acquireDataDirLock}), so a second process — a
 * second `rapport start`, or a CLI command while the server runs — is refused instead of
 * overwriting this one's data.
 *
 * @throws DataDirInUseError when another live process holds `dataDir`.
 * @example
 * const store = await createPgliteStore({ dataDir: './.rapport/' });
 */
export async function createPgliteStore(options: PgliteStoreOptions = {}): Promise<Store> {
  const lock = options.dataDir ? acquireDataDirLock(options.dataDir) : undefined;
  try {
    const pglite = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
    await pglite.waitReady;
    const pool = createPglitePool(pglite);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const close = async () => {
      try {
        await db.destroy();
      } finally {
        lock?.release();
      }
    };
    return { kind: 'pglite', db, close };
  } catch (error) {
    lock?.release();
    throw error;
  }
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
  /**
   * Longest a statement may run on the server (`statement_timeout`); PostgreSQL cancels it
   * past that. `0` for no limit (migrations that build indexes on big tables).
   * @default 10_000
   */
  statementTimeoutMs?: number;
  /**
   * Longest this process waits for the answer to a query (`pg`'s `query_timeout`). This is the
   * bound when the database stops answering altogether (a frozen host, a partition), where
   * `statement_timeout` cannot help; the connection is then dropped and replaced. Keep it above
   * `statementTimeoutMs`, so a live server's own cancel comes first. `0` for no limit.
   * @default 12_000
   */
  queryTimeoutMs?: number;
  /**
   * Longest a connection may sit inside an open transaction doing nothing
   * (`idle_in_transaction_session_timeout`), so a stalled holder of row locks cannot block
   * other instances' redeems. `0` for no limit.
   * @default 30_000
   */
  idleInTransactionTimeoutMs?: number;
  /**
   * Longest a request waits for a connection, whether to open one or for one of
   * `maxConnections` to be free (`connectionTimeoutMillis`).
   * @default 5_000
   */
  connectTimeoutMs?: number;
}

/** The defaults of {@link PostgresStoreOptions}, for documentation and the CLI. */
export const POSTGRES_TIMEOUT_DEFAULTS = {
  statementTimeoutMs: 10_000,
  queryTimeoutMs: 12_000,
  idleInTransactionTimeoutMs: 30_000,
  connectTimeoutMs: 5_000,
} as const;

/** pg's own message when `query_timeout` passes; it has no code. */
const QUERY_TIMEOUT_MESSAGE = 'Query read timeout';

type QueryFn = (...args: unknown[]) => unknown;

/**
 * After a `query_timeout`, pg hands the error back but keeps the connection, with the unanswered
 * query still first in line on it: the next holder of that client would wait behind it. So the
 * connection is ended at once (`end()` marks it so the pool discards it on release, which Kysely
 * does right after) and its socket destroyed, which a silent peer would never acknowledge.
 */
function dropConnectionOnQueryTimeout(client: pg.PoolClient) {
  const query = client.query.bind(client) as QueryFn;
  (client as unknown as { query: QueryFn }).query = (...args) => {
    const result = query(...args);
    if (result instanceof Promise) {
      result.catch((error: unknown) => {
        if ((error as Error | null)?.message !== QUERY_TIMEOUT_MESSAGE) return;
        client.end().catch(() => {});
        (
          client as unknown as { connection?: { stream?: { destroy(): void } } }
        ).connection?.stream?.destroy();
      });
    }
    return result;
  };
}

/**
 * A PostgreSQL store over a `pg` Pool; run as many instances as you like on one database.
 * Every wait is bounded (see the timeouts in {@link PostgresStoreOptions}), so a database
 * that stops answering turns into 503 `unavailable` answers, not requests held open.
 *
 * @example
 * const store = createPostgresStore({ connectionString: process.env.DATABASE_URL! });
 */
export function createPostgresStore(options: PostgresStoreOptions): Store {
  const timeouts = { ...POSTGRES_TIMEOUT_DEFAULTS, ...definedOnly(options) };
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    // pg waits forever for a connection by default; an unreachable database must fail the
    // request (503, which the SDK retries) instead of holding it open.
    connectionTimeoutMillis: timeouts.connectTimeoutMs,
    statement_timeout: timeouts.statementTimeoutMs || undefined,
    query_timeout: timeouts.queryTimeoutMs || undefined,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionTimeoutMs || undefined,
    // Finds a peer that vanished without closing (a host gone, a NAT dropping state) on idle
    // connections, which no query is waiting on to notice.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // When the server drops a connection (restart, failover, network), pg emits 'error' on
  // the pool for an idle client and on the client itself for one checked out — unheard,
  // either event crashes the process. A checked-out client's query already fails with the
  // same error (answered 503), and the pool discards dead clients, so both are only heard.
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    client.on('error', () => {});
    if (timeouts.queryTimeoutMs) dropConnectionOnQueryTimeout(client);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    close: () => db.destroy(),
    poolStats: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
    }),
  };
}

function definedOnly(options: PostgresStoreOptions): Partial<typeof POSTGRES_TIMEOUT_DEFAULTS> {
  const picked: Record<string, number> = {};
  for (const name of Object.keys(POSTGRES_TIMEOUT_DEFAULTS)) {
    const value = options[name as keyof typeof POSTGRES_TIMEOUT_DEFAULTS];
    if (typeof value === 'number') picked[name] = value;
  }
  return picked;
}

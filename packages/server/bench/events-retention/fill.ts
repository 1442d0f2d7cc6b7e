import type pg from 'pg';

/** The project the filled events belong to. */
export const FILL_PROJECT = 'proj_retention';
/** Customers the events are spread over; the first {@link IDENTIFIED} are identified users. */
export const CUSTOMERS = 3_000;
export const IDENTIFIED = 2_000;
const CHUNK = 1_000_000;

/** What the fill made. */
export interface FillResult {
  rows: number;
  seconds: number;
  /** Received time of the first and last event. */
  start: Date;
  end: Date;
  tableMb: number;
  indexMb: number;
}

/**
 * Fills `schema.events` with `rows` raw events in received order (as ingest appends them),
 * evenly over the 365 days before `end`, each from one of {@link CUSTOMERS} browsers picked at
 * random, plus the customers and the last 30 days of message ids (what the idempotency window
 * keeps). The migration's own indexes are dropped for the insert and rebuilt after it, with
 * the same definitions — faster than maintaining them row by row, and the same end state.
 */
export async function fillEvents(
  db: pg.Client,
  schema: string,
  rows: number,
  end: Date,
  log: (line: string) => void,
): Promise<FillResult> {
  const started = performance.now();
  const start = new Date(end.getTime() - 365 * 86_400_000);
  const stepSeconds = (365 * 86_400) / rows;
  await db.query(`SET search_path = ${schema}`);
  await db.query(`SET synchronous_commit = off`);
  await db.query(`SET maintenance_work_mem = '256MB'`);
  const indexes = await db.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = 'events'`,
    [schema],
  );
  for (const { indexname } of indexes.rows) await db.query(`DROP INDEX ${indexname}`);
  await db.query(
    `INSERT INTO customers (project_id, anonymous_id, user_id, traits, first_seen_at, last_seen_at)
     SELECT $1, 'anon-' || c, CASE WHEN c < $2 THEN 'user-' || c END, '{}', $3, $4
     FROM generate_series(0, $5 - 1) AS c`,
    [FILL_PROJECT, IDENTIFIED, start, end, CUSTOMERS],
  );
  for (let from = 0; from < rows; from += CHUNK) {
    const to = Math.min(rows, from + CHUNK) - 1;
    await db.query(
      `INSERT INTO events (project_id, id, type, anonymous_id, user_id, name, properties,
         occurred_at, received_at)
       SELECT $1, 'ev-' || i,
         CASE WHEN i % 50 = 0 THEN 'identify' WHEN i % 3 = 0 THEN 'page' ELSE 'track' END,
         'anon-' || c, CASE WHEN c < $2 THEN 'user-' || c END,
         CASE WHEN i % 3 = 0 THEN 'https://shop.example/p/' || (i % 997) ELSE 'Product Viewed' END,
         jsonb_build_object('sku', 'sku-' || (i % 500)),
         t - interval '2 seconds', t
       FROM (SELECT i, floor(random() * $3)::int AS c,
               $4::timestamptz + make_interval(secs => i * $5::float8) AS t
             FROM generate_series($6::int, $7::int) AS i) AS s`,
      [FILL_PROJECT, IDENTIFIED, CUSTOMERS, start, stepSeconds, from, to],
    );
    log(`filled ${to + 1} events (${Math.round((performance.now() - started) / 1000)} s)`);
  }
  for (const { indexdef } of indexes.rows) await db.query(indexdef);
  await db.query(
    `INSERT INTO processed_messages (project_id, message_id, processed_at)
     SELECT project_id, id, received_at FROM events WHERE received_at > $1`,
    [new Date(end.getTime() - 30 * 86_400_000)],
  );
  await db.query('VACUUM ANALYZE events');
  await db.query('VACUUM ANALYZE processed_messages');
  await db.query('VACUUM ANALYZE customers');
  const sizes = await db.query<{ table_mb: string; index_mb: string }>(
    `SELECT pg_table_size('events') / 1048576 AS table_mb,
            pg_indexes_size('events') / 1048576 AS index_mb`,
  );
  await db.query('RESET search_path');
  return {
    rows,
    seconds: Math.round((performance.now() - started) / 1000),
    start,
    end,
    tableMb: Number(sizes.rows[0]?.table_mb),
    indexMb: Number(sizes.rows[0]?.index_mb),
  };
}

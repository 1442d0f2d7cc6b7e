import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

const WRITE_COMMAND = /^\s*(insert|update|delete|merge)\b/i;

/**
 * Makes one PGlite instance look like a `pg` Pool to Kysely's `PostgresDialect`.
 *
 * PGlite is a single connection, so a client is handed out to one holder at a time: a mutex
 * (a promise chain) serialises `connect()`/`release()`. Kysely holds the client for a whole
 * transaction, which is what keeps `SELECT … FOR UPDATE` meaningful on PGlite. We write this
 * ourselves because `kysely-pglite-dialect` does not accept PGlite 0.5 (see DESIGN.md).
 *
 * @example
 * new Kysely({ dialect: new PostgresDialect({ pool: createPglitePool(new PGlite()) }) })
 */
export function createPglitePool(pglite: PGlite): PostgresPool {
  let tail: Promise<void> = Promise.resolve();
  const client = {
    async query<R>(sql: string, parameters: ReadonlyArray<unknown>) {
      const result = await pglite.query<R>(sql, [...parameters]);
      const command = WRITE_COMMAND.exec(sql)?.[1]?.toUpperCase() ?? 'SELECT';
      return {
        command,
        rowCount: result.affectedRows ?? result.rows.length,
        rows: result.rows,
      } as PostgresQueryResult<R>;
    },
  };
  return {
    connect() {
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const acquired = tail.then(() => ({ ...client, release }) as unknown as PostgresPoolClient);
      tail = tail.then(() => held);
      return acquired;
    },
    async end() {
      await tail;
      await pglite.close();
    },
  };
}

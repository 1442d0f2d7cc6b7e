import { readdir, readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import type { Store } from './store';

const MIGRATIONS_DIR = new URL('../migrations/', import.meta.url);

/** Key for `pg_advisory_xact_lock`, so instances starting together migrate one at a time. */
const MIGRATION_LOCK_KEY = 724_221_901;

/** Splits a migration file into statements (our migrations keep `;` at line ends only). */
function statementsOf(text: string): string[] {
  return text
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter((statement) => statement.replace(/--.*$/gm, '').trim().length > 0);
}

/** The names of every migration file this build ships, in the order they apply. */
export async function migrationNames(): Promise<string[]> {
  return (await readdir(MIGRATIONS_DIR)).filter((name) => name.endsWith('.sql')).sort();
}

/**
 * The migrations this build ships that the database has not recorded yet; every one of them
 * when `rapport_migrations` does not exist (a database never migrated). `shipped` lets a
 * caller that asks often (`/ready`) read the folder once.
 */
export async function pendingMigrations(
  store: Store,
  shipped: Promise<string[]> = migrationNames(),
): Promise<string[]> {
  const files = await shipped;
  const exists = await sql<{ found: string | null }>`
    SELECT to_regclass('rapport_migrations')::text AS found`.execute(store.db);
  if (!exists.rows[0]?.found) return files;
  const done = await sql<{ name: string }>`SELECT name FROM rapport_migrations`.execute(store.db);
  const applied = new Set(done.rows.map((row) => row.name));
  return files.filter((name) => !applied.has(name));
}

/**
 * Applies every `src/migrations/*.sql` file not yet recorded in `rapport_migrations`, in name
 * order, each in its own transaction. Safe to run from several instances at once.
 *
 * @returns the names of the migrations applied now (empty when the schema was current).
 * @example
 * await migrate(store);
 */
export async function migrate(store: Store): Promise<string[]> {
  const { db } = store;
  await sql`CREATE TABLE IF NOT EXISTS rapport_migrations (
    name text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  const files = await migrationNames();
  const applied: string[] = [];
  for (const name of files) {
    const text = await readFile(new URL(name, MIGRATIONS_DIR), 'utf8');
    const ran = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
      const done = await sql<{ name: string }>`
        SELECT name FROM rapport_migrations WHERE name = ${name}`.execute(trx);
      if (done.rows.length > 0) return false;
      for (const statement of statementsOf(text)) await sql.raw(statement).execute(trx);
      await sql`INSERT INTO rapport_migrations (name) VALUES (${name})`.execute(trx);
      return true;
    });
    if (ran) applied.push(name);
  }
  return applied;
}

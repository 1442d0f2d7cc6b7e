import { type Kysely, sql } from 'kysely';
import type { Database } from './schema';

interface ForeignKey {
  child: string;
  parent: string;
}

/**
 * Orders tables so each comes before every table it references: deleting in this order never
 * trips a foreign key, whatever later migrations add.
 */
function childrenFirst(tables: string[], keys: ForeignKey[]): string[] {
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const key of keys) if (key.parent === table && key.child !== table) visit(key.child);
    ordered.push(table);
  };
  for (const table of tables) visit(table);
  return ordered;
}

/**
 * Deletes a project and every row of it in every table that has a `project_id` column,
 * found from the catalogue so a table added by a later migration is never missed. The audit
 * log's rows of the project go too. Returns false when there was no such project.
 */
export async function deleteProjectData(db: Kysely<Database>, projectId: string) {
  return db.transaction().execute(async (trx) => {
    const tables = await sql<{ table_name: string }>`
      SELECT table_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND column_name = 'project_id'
        AND table_name <> 'projects'`.execute(trx);
    const keys = await sql<ForeignKey>`
      SELECT c.relname AS child, p.relname AS parent
      FROM pg_constraint k
      JOIN pg_class c ON c.oid = k.conrelid
      JOIN pg_class p ON p.oid = k.confrelid
      WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace`.execute(trx);
    const names = tables.rows.map((row) => row.table_name);
    for (const table of childrenFirst(names, keys.rows)) {
      await sql`DELETE FROM ${sql.table(table)} WHERE project_id = ${projectId}`.execute(trx);
    }
    const deleted = await trx.deleteFrom('projects').where('id', '=', projectId).executeTakeFirst();
    return deleted.numDeletedRows > 0n;
  });
}

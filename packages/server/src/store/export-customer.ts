import { type Kysely, sql } from 'kysely';
import { linkedAnonymousIds } from './customers-directory';
import { emailsOf } from './erase-customer';
import type { Database } from './schema';

/** Every table that can hold rows about a customer, in the order the export lists them. */
export const CUSTOMER_TABLES = [
  'customers',
  'user_traits',
  'events',
  'feedback',
  'feedback_replies',
  'feedback_notes',
  'feedback_tags',
  'resolution_ratings',
  'survey_responses',
  'loyalty_members',
  'loyalty_ledger',
  'redemptions',
] as const;

/** A table an export lists. */
export type CustomerTable = (typeof CUSTOMER_TABLES)[number];

/** `GET /v1/admin/customers/:userId/export`: every stored row about the person, by table. */
export interface CustomerExport {
  exportedAt: string;
  projectId: string;
  userId: string;
  anonymousIds: string[];
  tables: Record<CustomerTable, Record<string, unknown>[]>;
}

/** Rows of the person's feedback threads (replies, notes, tags), through the feedback table. */
function ofTheirFeedback(projectId: string, person: ReturnType<typeof sql>) {
  return sql`project_id = ${projectId} AND feedback_id IN (
    SELECT id FROM feedback WHERE ${person})`;
}

async function rowsOf(db: Kysely<Database>, table: CustomerTable, where: ReturnType<typeof sql>) {
  // `search` is the database's own index of the message, not data the person gave.
  const columns = table === 'feedback' ? sql`to_jsonb(t) - 'search'` : sql`to_jsonb(t)`;
  const { rows } = await sql<{ row: Record<string, unknown> }>`
    SELECT ${columns} AS row FROM ${sql.table(table)} t WHERE ${where}`.execute(db);
  return rows.map((row) => row.row);
}

/**
 * Everything stored about a customer (GDPR Art. 15 and 20): every row of every table that
 * holds their user id or one of their browsers' anonymous ids, feedback sent with one of their
 * email addresses, and their feedback threads'
 * replies, internal notes, tags and "Did we solve this?" answers, as stored (column names as in the database). Unbounded
 * on purpose — an export that stopped at a limit would be a silently incomplete answer.
 *
 * @returns undefined when nothing is stored about the user.
 */
export async function exportCustomer(
  db: Kysely<Database>,
  projectId: string,
  userId: string,
  now: Date,
): Promise<CustomerExport | undefined> {
  const anonymousIds = await linkedAnonymousIds(db, projectId, userId);
  const browsers = anonymousIds.length > 0 ? anonymousIds : [''];
  const person = sql`project_id = ${projectId}
    AND (user_id = ${userId} OR anonymous_id IN (${sql.join(browsers)}))`;
  const byUser = sql`project_id = ${projectId} AND user_id = ${userId}`;
  // Feedback left from another device with one of their emails is theirs too (erase takes it).
  const emails = await emailsOf(db, projectId, userId);
  const theirFeedback = emails.length
    ? sql`(${person}) OR (project_id = ${projectId} AND lower(email) IN (${sql.join(emails)}))`
    : person;
  const thread = ofTheirFeedback(projectId, theirFeedback);
  const where: Record<CustomerTable, ReturnType<typeof sql>> = {
    customers: person,
    user_traits: byUser,
    events: person,
    feedback: theirFeedback,
    feedback_replies: thread,
    feedback_notes: thread,
    feedback_tags: thread,
    resolution_ratings: thread,
    survey_responses: person,
    loyalty_members: byUser,
    loyalty_ledger: byUser,
    redemptions: byUser,
  };
  const tables = {} as CustomerExport['tables'];
  for (const table of CUSTOMER_TABLES) tables[table] = await rowsOf(db, table, where[table]);
  const known = CUSTOMER_TABLES.some((table) => tables[table].length > 0);
  if (!known) return undefined;
  return { exportedAt: now.toISOString(), projectId, userId, anonymousIds, tables };
}

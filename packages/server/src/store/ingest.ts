import type { Message } from '@rapport/protocol';
import { type Kysely, sql } from 'kysely';
import { numberOf } from './rows';
import type { Database } from './schema';

/** One message flattened to the columns of `jsonb_to_recordset` below. */
interface IngestRow {
  id: string;
  type: Message['type'];
  anonymous_id: string;
  user_id: string | null;
  at: string;
  name: string | null;
  data: unknown;
  message: string | null;
  category: string | null;
  email: string | null;
  rating: number | null;
  survey_id: string | null;
  score: number | null;
  comment: string | null;
}

interface CustomerRow {
  anonymous_id: string;
  user_id: string | null;
  traits: Record<string, unknown>;
  first_seen_at: string;
  last_seen_at: string;
}

const EMPTY: Omit<IngestRow, 'id' | 'type' | 'anonymous_id' | 'user_id' | 'at'> = {
  name: null,
  data: null,
  message: null,
  category: null,
  email: null,
  rating: null,
  survey_id: null,
  score: null,
  comment: null,
};

function payloadOf(message: Message): Partial<IngestRow> {
  switch (message.type) {
    case 'identify':
      return { data: message.traits ?? {} };
    case 'track':
      return { name: message.event, data: message.properties ?? {} };
    case 'page':
      return {
        name: message.url,
        data: { url: message.url, title: message.title, referrer: message.referrer },
      };
    case 'feedback':
      return {
        message: message.message,
        category: message.category ?? null,
        email: message.email ?? null,
        rating: message.rating ?? null,
        data: message.context ?? null,
      };
    case 'survey_response':
      return {
        survey_id: message.surveyId,
        score: message.score ?? null,
        comment: message.comment ?? null,
        data: message.answers ?? null,
      };
  }
}

function rowOf(message: Message, at: string): IngestRow {
  return {
    ...EMPTY,
    id: message.id,
    type: message.type,
    anonymous_id: message.anonymousId,
    user_id: message.userId ?? null,
    at,
    ...payloadOf(message),
  };
}

/** One row per anonymous id: the latest user id seen, merged identify traits, first/last seen. */
function customersOf(rows: IngestRow[]): CustomerRow[] {
  const byAnonymousId = new Map<string, CustomerRow>();
  for (const row of rows) {
    const customer = byAnonymousId.get(row.anonymous_id) ?? {
      anonymous_id: row.anonymous_id,
      user_id: null,
      traits: {},
      first_seen_at: row.at,
      last_seen_at: row.at,
    };
    if (row.user_id) customer.user_id = row.user_id;
    if (row.type === 'identify') Object.assign(customer.traits, row.data);
    if (row.at < customer.first_seen_at) customer.first_seen_at = row.at;
    if (row.at > customer.last_seen_at) customer.last_seen_at = row.at;
    byAnonymousId.set(row.anonymous_id, customer);
  }
  // Sorted so concurrent batches lock customer rows in the same order (no deadlocks).
  return [...byAnonymousId.values()].sort((a, b) => (a.anonymous_id < b.anonymous_id ? -1 : 1));
}

/** A message ready to store, with the time it is filed under. */
export interface IngestMessage {
  message: Message;
  /** ISO time the message happened (the client's timestamp, clamped to not be in the future). */
  at: string;
}

/**
 * Stores a batch of valid messages, unique by id, in ONE statement: the processed-id insert
 * decides which are new (`ON CONFLICT DO NOTHING`), and data-modifying CTEs write only those
 * into events, feedback and survey responses, then upsert the customers. One statement is
 * atomic without an explicit transaction and costs one round trip, which is what lets ingest
 * meet its throughput budget (DESIGN.md, "Budgets").
 *
 * @returns how many messages were new; the rest were already processed.
 */
export async function ingestMessages(
  db: Kysely<Database>,
  projectId: string,
  messages: IngestMessage[],
  receivedAt: Date,
): Promise<number> {
  if (messages.length === 0) return 0;
  // Sorted by id so concurrent batches take unique-index locks in the same order.
  const rows = messages
    .map(({ message, at }) => rowOf(message, at))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const customers = customersOf(rows);
  // Casts are explicit: Postgres does not infer parameter types in an INSERT … SELECT list.
  const project = sql`CAST(${projectId} AS text)`;
  const now = sql`CAST(${receivedAt.toISOString()} AS timestamptz)`;
  const result = await sql<{ accepted: unknown }>`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(CAST(${JSON.stringify(rows)} AS jsonb)) AS m(
        id text, type text, anonymous_id text, user_id text, at timestamptz, name text,
        data jsonb, message text, category text, email text, rating integer,
        survey_id text, score integer, comment text
      )
    ),
    fresh AS (
      INSERT INTO processed_messages (project_id, message_id, processed_at)
      SELECT ${project}, id, ${now} FROM input
      ON CONFLICT DO NOTHING
      RETURNING message_id
    ),
    fresh_input AS (
      SELECT input.* FROM input JOIN fresh ON fresh.message_id = input.id
    ),
    stored_events AS (
      INSERT INTO events
        (project_id, id, type, anonymous_id, user_id, name, properties, occurred_at, received_at)
      SELECT ${project}, id, type, anonymous_id, user_id, name, coalesce(data, '{}'), at,
        ${now}
      FROM fresh_input WHERE type IN ('identify', 'page', 'track')
    ),
    stored_feedback AS (
      INSERT INTO feedback (project_id, id, anonymous_id, user_id, message, category, email,
        rating, context, status, created_at)
      SELECT ${project}, id, anonymous_id, user_id, message, category, email, rating, data,
        'new', at
      FROM fresh_input WHERE type = 'feedback'
    ),
    stored_responses AS (
      INSERT INTO survey_responses (project_id, id, survey_id, anonymous_id, user_id, score,
        comment, answers, created_at)
      SELECT ${project}, id, survey_id, anonymous_id, user_id, score, comment, data, at
      FROM fresh_input WHERE type = 'survey_response'
    ),
    seen_customers AS (
      INSERT INTO customers
        (project_id, anonymous_id, user_id, traits, first_seen_at, last_seen_at)
      SELECT ${project}, c.anonymous_id, c.user_id, c.traits, c.first_seen_at, c.last_seen_at
      FROM jsonb_to_recordset(CAST(${JSON.stringify(customers)} AS jsonb)) AS c(
        anonymous_id text, user_id text, traits jsonb, first_seen_at timestamptz,
        last_seen_at timestamptz
      )
      ON CONFLICT (project_id, anonymous_id) DO UPDATE SET
        user_id = coalesce(excluded.user_id, customers.user_id),
        traits = customers.traits || excluded.traits,
        first_seen_at = least(customers.first_seen_at, excluded.first_seen_at),
        last_seen_at = greatest(customers.last_seen_at, excluded.last_seen_at)
    )
    SELECT count(*) AS accepted FROM fresh`.execute(db);
  return numberOf(result.rows[0]?.accepted);
}

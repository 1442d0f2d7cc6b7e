import type { Message } from '@rapport/protocol';
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema';

/** One message flattened to the columns of `jsonb_to_recordset` below. */
export interface IngestRow {
  project_id: string;
  id: string;
  type: Message['type'];
  anonymous_id: string;
  user_id: string | null;
  at: string;
  received_at: string;
  // Payload fields are left out when empty: jsonb_to_recordset reads a missing key as NULL,
  // and a smaller JSON parameter is measurably cheaper to build, send and parse.
  name?: string;
  data?: unknown;
  message?: string;
  category?: string;
  email?: string;
  rating?: number;
  survey_id?: string;
  score?: number;
  comment?: string;
}

interface CustomerRow {
  project_id: string;
  anonymous_id: string;
  user_id: string | null;
  traits: Record<string, unknown>;
  first_seen_at: string;
  last_seen_at: string;
}

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
        category: message.category,
        email: message.email,
        rating: message.rating,
        data: message.context,
      };
    case 'survey_response':
      return {
        survey_id: message.surveyId,
        score: message.score,
        comment: message.comment,
        data: message.answers,
      };
  }
}

/** Flattens a valid message of a project into the row the ingest statement reads. */
export function rowOf(
  projectId: string,
  message: Message,
  at: string,
  receivedAt: string,
): IngestRow {
  return {
    project_id: projectId,
    id: message.id,
    type: message.type,
    anonymous_id: message.anonymousId,
    user_id: message.userId ?? null,
    at,
    received_at: receivedAt,
    ...payloadOf(message),
  };
}

/** One row per anonymous id: the latest user id seen, merged identify traits, first/last seen. */
function customersOf(rows: IngestRow[]): CustomerRow[] {
  const byAnonymousId = new Map<string, CustomerRow>();
  for (const row of rows) {
    const key = `${row.project_id}\u0000${row.anonymous_id}`;
    const customer = byAnonymousId.get(key) ?? {
      project_id: row.project_id,
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
    byAnonymousId.set(key, customer);
  }
  // Sorted so concurrent statements lock customer rows in the same order (no deadlocks).
  return sortedBy([...byAnonymousId.values()], (c) => `${c.project_id}\u0000${c.anonymous_id}`);
}

/** Sorts by a string key computed once per item. */
function sortedBy<T>(items: T[], key: (value: T) => string): T[] {
  return items
    .map((item) => ({ key: key(item), item }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ item }) => item);
}

/** Identifies a message across projects. */
export function messageKey(projectId: string, id: string): string {
  return `${projectId}\u0000${id}`;
}

/**
 * Stores valid messages — unique by (project, id) — in ONE statement: the processed-id insert
 * decides which are new (`ON CONFLICT DO NOTHING`), and data-modifying CTEs write only those
 * into events, feedback and survey responses, then upsert the customers. One statement is
 * atomic without an explicit transaction and costs one round trip and one commit, which is
 * what lets ingest meet its throughput budget (DESIGN.md, "Budgets").
 *
 * @returns the {@link messageKey}s of the messages that were new.
 */
export async function ingestRows(db: Kysely<Database>, input: IngestRow[]): Promise<Set<string>> {
  if (input.length === 0) return new Set();
  // Sorted so concurrent statements take unique-index locks in the same order.
  const rows = sortedBy(input, (row) => messageKey(row.project_id, row.id));
  const customers = customersOf(rows);
  const result = await sql<{ project_id: string; message_id: string }>`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(CAST(${JSON.stringify(rows)} AS jsonb)) AS m(
        project_id text, id text, type text, anonymous_id text, user_id text, at timestamptz,
        received_at timestamptz, name text, data jsonb, message text, category text,
        email text, rating integer, survey_id text, score integer, comment text
      )
    ),
    fresh AS (
      INSERT INTO processed_messages (project_id, message_id, processed_at)
      SELECT project_id, id, received_at FROM input
      ON CONFLICT DO NOTHING
      RETURNING project_id, message_id
    ),
    fresh_input AS (
      SELECT input.* FROM input
      JOIN fresh ON fresh.project_id = input.project_id AND fresh.message_id = input.id
    ),
    stored_events AS (
      INSERT INTO events
        (project_id, id, type, anonymous_id, user_id, name, properties, occurred_at, received_at)
      SELECT project_id, id, type, anonymous_id, user_id, name, coalesce(data, '{}'), at,
        received_at
      FROM fresh_input WHERE type IN ('identify', 'page', 'track')
    ),
    stored_feedback AS (
      INSERT INTO feedback (project_id, id, anonymous_id, user_id, message, category, email,
        rating, context, status, created_at)
      SELECT project_id, id, anonymous_id, user_id, message, category, email, rating, data,
        'new', at
      FROM fresh_input WHERE type = 'feedback'
    ),
    stored_responses AS (
      INSERT INTO survey_responses (project_id, id, survey_id, anonymous_id, user_id, score,
        comment, answers, created_at)
      SELECT project_id, id, survey_id, anonymous_id, user_id, score, comment, data, at
      FROM fresh_input WHERE type = 'survey_response'
    ),
    seen_customers AS (
      INSERT INTO customers
        (project_id, anonymous_id, user_id, traits, first_seen_at, last_seen_at)
      SELECT c.project_id, c.anonymous_id, c.user_id, c.traits, c.first_seen_at, c.last_seen_at
      FROM jsonb_to_recordset(CAST(${JSON.stringify(customers)} AS jsonb)) AS c(
        project_id text, anonymous_id text, user_id text, traits jsonb,
        first_seen_at timestamptz, last_seen_at timestamptz
      )
      ON CONFLICT (project_id, anonymous_id) DO UPDATE SET
        user_id = coalesce(excluded.user_id, customers.user_id),
        traits = customers.traits || excluded.traits,
        first_seen_at = least(customers.first_seen_at, excluded.first_seen_at),
        last_seen_at = greatest(customers.last_seen_at, excluded.last_seen_at)
    )
    SELECT project_id, message_id FROM fresh`.execute(db);
  return new Set(result.rows.map((row) => messageKey(row.project_id, row.message_id)));
}

/** A message ready to store, with the time it is filed under. */
export interface IngestMessage {
  message: Message;
  /** ISO time the message happened (the client's timestamp, clamped to not be in the future). */
  at: string;
}

/**
 * Stores one batch of a project's valid messages, unique by id (see {@link ingestRows}).
 *
 * @returns how many messages were new; the rest were already processed.
 */
export async function ingestMessages(
  db: Kysely<Database>,
  projectId: string,
  messages: IngestMessage[],
  receivedAt: Date,
): Promise<number> {
  const received = receivedAt.toISOString();
  const rows = messages.map(({ message, at }) => rowOf(projectId, message, at, received));
  return (await ingestRows(db, rows)).size;
}

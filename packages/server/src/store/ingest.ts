import type { Message } from '@rapport/protocol';
import { type Kysely, sql } from 'kysely';
import { hashDeviceSecret } from '../identity';
import { ingestWebhookCtes } from '../webhooks/ingest-outbox';
import { ingestResponseCtes } from './ingest-responses';
import { ingestThreadCtes } from './ingest-threads';
import { verifiedTraitsCtes } from './ingest-verified-traits';
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
  /** The response a `survey_response` writes: its `responseId`, else the message id. */
  response_id?: string;
  score?: number;
  comment?: string;
  /** A user id the message claimed without a valid `userHash`: never a link, only a trait. */
  claimed_user_id?: string;
  /** The thread (feedback id) a customer's `reply` or `resolution_rating` answers. */
  thread_id?: string;
  /** The resolution a `resolution_rating` answers (the thread's `resolved_at`). */
  resolved_at?: string;
  /** SHA-256 hex of the message's device secret; the secret itself is never stored. */
  device_secret_hash?: string;
}

/**
 * A message as batch.ts hands it over after checking identity: `userId` is present only when
 * its `userHash` was valid; an unproven claim moves to `claimedUserId`, which is kept only as
 * the unverified trait `claimedUserId` (server README, "Identity").
 */
export type StorableMessage = Message & { claimedUserId?: string };

function payloadOf(message: StorableMessage): Partial<IngestRow> {
  switch (message.type) {
    case 'identify': {
      const traits = message.traits ?? {};
      const claim = message.claimedUserId;
      return { data: claim === undefined ? traits : { ...traits, claimedUserId: claim } };
    }
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
        response_id: message.responseId,
        score: message.score,
        comment: message.comment,
        data: message.answers,
      };
    case 'reply':
      return { thread_id: message.threadId, message: message.body };
    case 'resolution_rating':
      return {
        thread_id: message.threadId,
        resolved_at: message.resolvedAt,
        score: message.score,
        comment: message.comment,
      };
  }
}

/** Flattens a valid message of a project into the row the ingest statement reads. */
export function rowOf(
  projectId: string,
  message: StorableMessage,
  at: string,
  receivedAt: string,
): IngestRow {
  const row: IngestRow = {
    project_id: projectId,
    id: message.id,
    type: message.type,
    anonymous_id: message.anonymousId,
    user_id: message.userId ?? null,
    at,
    received_at: receivedAt,
    ...payloadOf(message),
  };
  if (message.claimedUserId !== undefined) row.claimed_user_id = message.claimedUserId;
  if (message.deviceSecret !== undefined) {
    row.device_secret_hash = hashDeviceSecret(message.deviceSecret);
  }
  return row;
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
 * into events, feedback, survey responses (upserted by response id, see
 * `store/ingest-responses.ts`) and customer replies, move a signed-in browser's
 * threads (see `store/ingest-threads.ts`), queue webhook deliveries (see
 * `webhooks/ingest-outbox.ts`), then upsert the customers. One statement is
 * atomic without an explicit transaction and costs one round trip and one commit, which is
 * what lets ingest meet its throughput budget (DESIGN.md, "Budgets").
 *
 * The customer rows are computed from `fresh_input` too, so a replayed message (a duplicate
 * id) changes nothing (issue 9, item 5). `user_id` follows the latest verified identify by
 * message time (`identified_at`), and identify traits merge in message-time order
 * (`traits_at`): an identify that arrives late, or from a queue that sat offline, never rolls
 * back a newer user id or trait. Only verified identifies carry a `user_id` here (batch.ts
 * moves an unproven one to `claimed_user_id`), so a claim never links a browser to a user,
 * and only their traits reach `user_traits` (see `store/ingest-verified-traits.ts`).
 *
 * @returns the {@link messageKey}s of the messages that were new.
 */
export async function ingestRows(db: Kysely<Database>, input: IngestRow[]): Promise<Set<string>> {
  if (input.length === 0) return new Set();
  // Sorted so concurrent statements take unique-index locks in the same order.
  const rows = sortedBy(input, (row) => messageKey(row.project_id, row.id));
  const result = await sql<{ project_id: string; message_id: string }>`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(CAST(${JSON.stringify(rows)} AS jsonb)) AS m(
        project_id text, id text, type text, anonymous_id text, user_id text, at timestamptz,
        received_at timestamptz, name text, data jsonb, message text, category text,
        email text, rating integer, survey_id text, response_id text, score integer,
        comment text, claimed_user_id text, thread_id text, device_secret_hash text,
        resolved_at timestamptz
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
    latest_identify AS (
      SELECT DISTINCT ON (project_id, anonymous_id) project_id, anonymous_id, user_id,
        at AS identified_at, device_secret_hash
      FROM fresh_input WHERE type = 'identify' AND user_id IS NOT NULL
      ORDER BY project_id, anonymous_id, at DESC, id DESC
    ),${ingestResponseCtes}${ingestThreadCtes}
    stored_feedback AS (
      INSERT INTO feedback (project_id, id, anonymous_id, user_id, message, category, email,
        rating, context, status, created_at)
      SELECT f.project_id, f.id, f.anonymous_id, coalesce(f.user_id, m.user_id), f.message,
        f.category, f.email, f.rating, f.data, 'new', f.at
      FROM fresh_input f
      LEFT JOIN thread_movers m ON m.project_id = f.project_id AND m.anonymous_id = f.anonymous_id
      WHERE f.type = 'feedback'
    ),
${ingestWebhookCtes}
    seen AS (
      SELECT project_id, anonymous_id, min(at) AS first_seen_at, max(at) AS last_seen_at
      FROM fresh_input GROUP BY project_id, anonymous_id
    ),
    trait_sources AS (
      SELECT project_id, anonymous_id, at, id,
        CASE WHEN type = 'identify' THEN coalesce(data, '{}')
          ELSE jsonb_build_object('claimedUserId', claimed_user_id) END AS traits
      FROM fresh_input WHERE type = 'identify' OR claimed_user_id IS NOT NULL
    ),
    merged_traits AS (
      -- jsonb keeps the last value of a repeated key, so ordering by time makes the newest win.
      SELECT s.project_id, s.anonymous_id, max(s.at) AS traits_at,
        coalesce(jsonb_object_agg(t.key, t.value ORDER BY s.at, s.id)
          FILTER (WHERE t.key IS NOT NULL), '{}') AS traits
      FROM trait_sources s LEFT JOIN LATERAL jsonb_each(s.traits) AS t ON true
      GROUP BY s.project_id, s.anonymous_id
    ),
${verifiedTraitsCtes}
    seen_customers AS (
      INSERT INTO customers (project_id, anonymous_id, user_id, identified_at, traits,
        traits_at, first_seen_at, last_seen_at, device_secret_hash)
      SELECT seen.project_id, seen.anonymous_id, i.user_id, i.identified_at,
        coalesce(t.traits, '{}'), t.traits_at, seen.first_seen_at, seen.last_seen_at,
        r.device_secret_hash
      FROM seen
      LEFT JOIN latest_identify AS i
        ON i.project_id = seen.project_id AND i.anonymous_id = seen.anonymous_id
      LEFT JOIN merged_traits AS t
        ON t.project_id = seen.project_id AND t.anonymous_id = seen.anonymous_id
      LEFT JOIN registered_secrets AS r
        ON r.project_id = seen.project_id AND r.anonymous_id = seen.anonymous_id
      -- Ordered so concurrent statements lock customer rows in the same order (no deadlocks).
      ORDER BY seen.project_id, seen.anonymous_id
      ON CONFLICT (project_id, anonymous_id) DO UPDATE SET
        user_id = CASE
          WHEN excluded.identified_at >= coalesce(customers.identified_at, excluded.identified_at)
          THEN excluded.user_id ELSE customers.user_id END,
        identified_at = greatest(customers.identified_at, excluded.identified_at),
        traits = CASE
          WHEN excluded.traits_at >= coalesce(customers.traits_at, excluded.traits_at)
          THEN customers.traits || excluded.traits ELSE excluded.traits || customers.traits END,
        traits_at = greatest(customers.traits_at, excluded.traits_at),
        -- First writer wins: a registered device secret is never replaced.
        device_secret_hash = coalesce(customers.device_secret_hash, excluded.device_secret_hash),
        first_seen_at = least(customers.first_seen_at, excluded.first_seen_at),
        last_seen_at = greatest(customers.last_seen_at, excluded.last_seen_at)
    )
    SELECT project_id, message_id FROM fresh`.execute(db);
  return new Set(result.rows.map((row) => messageKey(row.project_id, row.message_id)));
}

/** A message ready to store, with the time it is filed under. */
export interface IngestMessage {
  message: StorableMessage;
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

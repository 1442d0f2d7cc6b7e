import { npsBand } from '@rapport/protocol';
import { sql } from 'kysely';
import { NEW_DELIVERY_ID } from './enqueue';

/** The highest NPS score in the detractor band (6), derived from protocol's `npsBand`. */
const DETRACTOR_MAX = Array.from({ length: 11 }, (_, score) => score)
  .filter((score) => npsBand(score) === 'detractor')
  .at(-1) as number;

/** A timestamptz column as ISO 8601 UTC text, the way `Date#toISOString` writes it. */
function isoText(column: string) {
  return sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
}

/** `survey.responded` and `nps.detractor` carry the same data. */
const responseData = sql`jsonb_build_object('projectId', h.project_id, 'id', h.id,
  'surveyId', h.survey_id, 'anonymousId', h.anonymous_id, 'userId', h.user_id,
  'score', h.score, 'comment', h.comment, 'createdAt', ${isoText('h.created_at')})`;

/**
 * Common table expressions for the ingest statement (`store/ingest.ts`): they read its
 * `fresh_input` (the messages that were new) and `stored_responses`
 * (`store/ingest-responses.ts`) and queue `feedback.created`, `survey.responded` (for a new
 * response, and again with the same `id` when a follow-up updates it) and `nps.detractor`
 * (once per response) for the endpoints that subscribed, and for a
 * customer's `reply` the same `feedback.replied` a team reply queues (`author: 'customer'`),
 * plus `feedback.status_changed` when it reopens a resolved thread (`store/ingest-threads.ts`) — in the very
 * statement that stores the feedback and answers, so an event exists exactly when its change
 * does. For a project without an enabled endpoint the cost is one semi-join against the
 * (small) endpoints table; no row is built.
 */
export const ingestWebhookCtes = sql`
    hooked_input AS (
      SELECT * FROM fresh_input
      WHERE type IN ('feedback', 'reply')
        AND project_id IN (SELECT project_id FROM webhook_endpoints WHERE enabled)
    ),
    hooked_responses AS (
      SELECT r.*, i.received_at FROM stored_responses r
      JOIN response_input i ON i.project_id = r.project_id AND i.id = r.id
      WHERE r.project_id IN (SELECT project_id FROM webhook_endpoints WHERE enabled)
    ),
    webhook_events AS (
      SELECT h.project_id, h.received_at, 'feedback.created' AS type,
        jsonb_build_object('projectId', h.project_id, 'id', h.id,
          'anonymousId', h.anonymous_id, 'userId', h.user_id, 'message', h.message,
          'category', h.category, 'rating', h.rating, 'createdAt', ${isoText('h.at')}) AS data
      FROM hooked_input h WHERE h.type = 'feedback'
      UNION ALL
      SELECT h.project_id, h.received_at, 'survey.responded', ${responseData}
      FROM hooked_responses h
      UNION ALL
      -- Once per response: when it first scores 0–6, which is when its detractor thread opens.
      SELECT h.project_id, h.received_at, 'nps.detractor', ${responseData}
      FROM hooked_responses h
      JOIN detractor_threads d ON d.project_id = h.project_id AND d.id = h.id
      JOIN surveys s ON s.project_id = h.project_id AND s.id = h.survey_id AND s.type = 'nps'
      WHERE h.score <= ${sql.lit(DETRACTOR_MAX)}
      UNION ALL
      -- The thread as it was before this statement: only replies that are stored (the thread
      -- exists), and a reopening only for a thread that was resolved.
      SELECT h.project_id, h.received_at, 'feedback.replied',
        jsonb_build_object('projectId', h.project_id, 'feedbackId', h.thread_id,
          'replyId', h.id, 'author', 'customer', 'body', h.message,
          'createdAt', ${isoText('h.received_at')})
      FROM hooked_input h JOIN feedback f ON f.project_id = h.project_id AND f.id = h.thread_id
      WHERE h.type = 'reply'
      UNION ALL
      SELECT DISTINCT ON (h.project_id, h.thread_id) h.project_id, h.received_at,
        'feedback.status_changed', jsonb_build_object('projectId', h.project_id,
          'feedbackId', h.thread_id, 'from', 'resolved', 'to', 'in_progress')
      FROM hooked_input h JOIN feedback f ON f.project_id = h.project_id AND f.id = h.thread_id
      WHERE h.type = 'reply' AND f.status = 'resolved'
    ),
    queued_webhooks AS (
      INSERT INTO webhook_deliveries
        (id, project_id, endpoint_id, event_type, data, occurred_at, next_attempt_at, created_at)
      SELECT ${NEW_DELIVERY_ID}, e.project_id, w.id, e.type, e.data, e.received_at,
        e.received_at, e.received_at
      FROM webhook_events e
      JOIN webhook_endpoints w
        ON w.project_id = e.project_id AND w.enabled AND e.type = ANY(w.events)
    ),`;

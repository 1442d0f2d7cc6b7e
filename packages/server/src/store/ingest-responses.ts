import { sql } from 'kysely';

/** The newest non-NULL value of a column among a response's messages in this statement. */
function newest(column: string) {
  return sql.raw(
    `(array_agg(m.${column} ORDER BY m.at DESC, m.id DESC) FILTER (WHERE m.${column} IS NOT NULL))[1]`,
  );
}

/** Whether the merged messages are at least as new as what the stored row already has. */
const NEWER = sql.raw('excluded.updated_at >= coalesce(r.updated_at, r.created_at)');

/** A field of the upsert: the newer side wins, the other side fills a gap. */
function merged(column: string) {
  return sql.raw(`CASE WHEN excluded.updated_at >= coalesce(r.updated_at, r.created_at)
          THEN coalesce(excluded.${column}, r.${column})
          ELSE coalesce(r.${column}, excluded.${column}) END`);
}

/**
 * Common table expressions for the ingest statement (`store/ingest.ts`) that store survey
 * answers as ONE response per (project, response id) — issue 13, item 2: the widget sends the
 * score as soon as it is picked and the follow-up comment later, both with the same
 * `responseId` (protocol `surveyResponseMessageSchema`). They read its `fresh_input`, so a
 * replayed message (a duplicate message id) changes nothing.
 *
 * - `response_input`: the new messages merged per response, the newest value of each field
 *   winning (a row may be upserted only once per statement). The first message decides the
 *   survey and the visitor; a message naming another survey or visitor for that response id
 *   is left out rather than failing the statement (which may hold other clients' batches).
 * - `stored_responses`: the upsert. A merge newer than the stored row (by message time,
 *   `updated_at`) replaces the fields it carries, a re-picked score included; an older one
 *   that arrived late fills only fields still NULL. A response id already used by another
 *   visitor or survey is never touched. `created` tells a new response from an update; the
 *   response keeps the time of its first message (`created_at`), so it stays in the period
 *   it was answered in and reports count it once.
 */
export const ingestResponseCtes = sql`
    response_messages AS (
      SELECT *, coalesce(response_id, id) AS rid FROM fresh_input WHERE type = 'survey_response'
    ),
    response_owners AS (
      SELECT DISTINCT ON (project_id, rid) project_id, rid, survey_id, anonymous_id
      FROM response_messages ORDER BY project_id, rid, at, id
    ),
    response_input AS (
      SELECT m.project_id, m.rid AS id, o.survey_id, o.anonymous_id,
        ${newest('user_id')} AS user_id, ${newest('score')} AS score,
        ${newest('comment')} AS comment,
        CASE WHEN bool_or(m.data IS NOT NULL) THEN coalesce(jsonb_object_agg(a.key, a.value
          ORDER BY m.at, m.id) FILTER (WHERE a.key IS NOT NULL), '{}') END AS answers,
        min(m.at) AS created_at, max(m.at) AS updated_at, max(m.received_at) AS received_at
      FROM response_messages m
      JOIN response_owners o ON o.project_id = m.project_id AND o.rid = m.rid
        AND o.survey_id = m.survey_id AND o.anonymous_id = m.anonymous_id
      LEFT JOIN LATERAL jsonb_each(m.data) AS a ON true
      GROUP BY m.project_id, m.rid, o.survey_id, o.anonymous_id
    ),
    stored_responses AS (
      INSERT INTO survey_responses AS r (project_id, id, survey_id, anonymous_id, user_id, score,
        comment, answers, created_at, updated_at)
      SELECT project_id, id, survey_id, anonymous_id, user_id, score, comment, answers,
        created_at, updated_at
      FROM response_input
      -- Ordered so concurrent statements lock response rows in the same order (no deadlocks).
      ORDER BY project_id, id
      ON CONFLICT (project_id, id) DO UPDATE SET
        user_id = ${merged('user_id')},
        score = ${merged('score')},
        comment = ${merged('comment')},
        answers = CASE WHEN r.answers IS NULL OR excluded.answers IS NULL
          THEN coalesce(excluded.answers, r.answers)
          WHEN ${NEWER} THEN r.answers || excluded.answers ELSE excluded.answers || r.answers END,
        created_at = least(r.created_at, excluded.created_at),
        updated_at = greatest(coalesce(r.updated_at, r.created_at), excluded.updated_at)
      WHERE r.survey_id = excluded.survey_id AND r.anonymous_id = excluded.anonymous_id
      RETURNING r.project_id, r.id, r.survey_id, r.anonymous_id, r.user_id, r.score, r.comment,
        r.created_at, (r.xmax = 0) AS created
    ),`;

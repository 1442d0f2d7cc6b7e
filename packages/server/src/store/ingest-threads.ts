import { DETRACTOR_MAX, DETRACTOR_TAG } from '@rapport/protocol';
import { sql } from 'kysely';

/**
 * Common table expressions for the ingest statement (`store/ingest.ts`) that keep customer
 * threads whole (issue 14, items 1 and 2). They read its `fresh_input` and `latest_identify`:
 *
 * - `registered_secrets`: per browser, the hash of the first device secret this batch carries;
 *   the customer upsert stores it only when the row has none (first writer wins).
 * - `thread_movers`: browsers whose latest verified identify carries the registered device
 *   secret (the stored one, or the one this batch registers). Their anonymous threads move to
 *   the user, so feedback sent before signing in reaches the user's Messages; an identify from
 *   another browser that merely knows the `anonymousId` moves nothing. Hashes of 128-bit
 *   random secrets are compared here with `=`: a timing difference could only reveal the
 *   stored hash, and a hash is useless without the secret it was made from.
 * - `changed_threads`: one UPDATE per thread (a row may be touched only once per statement)
 *   that moves it, when the customer answered a resolved thread reopens it, and gives a
 *   detractor thread its response's updated comment and score.
 * - `stored_replies`: the customer's `reply` messages (batch.ts has checked they own the
 *   thread), skipped when the thread was erased meanwhile instead of failing the batch. Filed
 *   at the time the server received them, like the team's replies: a browser's clock (or a
 *   reply that sat offline) must not slip the answer above a team reply it never saw.
 * - `stored_ratings`: the customer's `resolution_rating` answers (batch.ts has checked they own
 *   the thread, that it is resolved and that the resolution was not answered yet), kept only
 *   while the thread is still at the resolution they name; a second answer to one resolution
 *   in the same batch is dropped by the key (the first in the batch's order wins).
 *
 * - `detractor_threads` / `detractor_tags`: a response (`stored_responses`, see
 *   `store/ingest-responses.ts`) scoring NPS 0–6 or CSAT 1–2 opens a thread (issue 14, item 5)
 *   with the response's id, its comment as the message, the survey and score, tagged
 *   `detractor`; it comes first in the inbox while open (`inbox-list.ts`) and is in the
 *   customer's Messages like their own feedback. Opened once per response: when the score
 *   comes first and the follow-up later (issue 13, item 2), `thread_changes` gives the open
 *   thread the follow-up's comment and score.
 *
 * `thread_movers` is also what `stored_feedback` files new feedback of a mover under.
 */
export const ingestThreadCtes = sql`
    registered_secrets AS (
      SELECT DISTINCT ON (project_id, anonymous_id) project_id, anonymous_id, device_secret_hash
      FROM fresh_input WHERE device_secret_hash IS NOT NULL
      ORDER BY project_id, anonymous_id, at, id
    ),
    thread_movers AS (
      SELECT i.project_id, i.anonymous_id, i.user_id
      FROM latest_identify i
      LEFT JOIN customers c ON c.project_id = i.project_id AND c.anonymous_id = i.anonymous_id
      LEFT JOIN registered_secrets r
        ON r.project_id = i.project_id AND r.anonymous_id = i.anonymous_id
      WHERE i.device_secret_hash = coalesce(c.device_secret_hash, r.device_secret_hash)
    ),
    detractor_threads AS (
      INSERT INTO feedback (project_id, id, anonymous_id, user_id, message, status, created_at,
        survey_id, score)
      SELECT r.project_id, r.id, r.anonymous_id, coalesce(r.user_id, m.user_id),
        coalesce(r.comment, ''), 'new', r.created_at, r.survey_id, r.score
      FROM stored_responses r
      JOIN surveys s ON s.project_id = r.project_id AND s.id = r.survey_id
      LEFT JOIN thread_movers m ON m.project_id = r.project_id AND m.anonymous_id = r.anonymous_id
      WHERE r.score <= CASE s.type
        WHEN 'nps' THEN ${sql.lit(DETRACTOR_MAX.nps)} WHEN 'csat' THEN ${sql.lit(DETRACTOR_MAX.csat)} END
      -- A response updated after it opened its thread opens no second one (see thread_changes).
      ON CONFLICT (project_id, id) DO NOTHING
      RETURNING project_id, id
    ),
    detractor_tags AS (
      INSERT INTO feedback_tags (project_id, feedback_id, tag)
      SELECT project_id, id, ${sql.lit(DETRACTOR_TAG)} FROM detractor_threads
    ),
    thread_changes AS (
      SELECT project_id, thread_id AS id, NULL::text AS user_id, true AS reopen,
        NULL::text AS message, NULL::integer AS score
      FROM fresh_input WHERE type = 'reply'
      UNION ALL
      SELECT f.project_id, f.id, m.user_id, false, NULL, NULL
      FROM thread_movers m
      JOIN feedback f ON f.project_id = m.project_id AND f.anonymous_id = m.anonymous_id
        AND f.user_id IS NULL
      UNION ALL
      SELECT r.project_id, r.id, NULL, false, r.comment, r.score
      FROM stored_responses r
      JOIN feedback f ON f.project_id = r.project_id AND f.id = r.id
        AND f.survey_id = r.survey_id AND f.anonymous_id = r.anonymous_id
      WHERE NOT r.created
    ),
    changed_threads AS (
      UPDATE feedback f SET
        user_id = coalesce(f.user_id, t.user_id),
        status = CASE WHEN t.reopen AND f.status = 'resolved' THEN 'in_progress' ELSE f.status END,
        message = coalesce(t.message, f.message),
        score = coalesce(t.score, f.score)
      FROM (
        SELECT project_id, id, max(user_id) AS user_id, bool_or(reopen) AS reopen,
          max(message) AS message, max(score) AS score
        FROM thread_changes GROUP BY project_id, id
      ) t
      WHERE f.project_id = t.project_id AND f.id = t.id
    ),
    stored_replies AS (
      INSERT INTO feedback_replies (project_id, id, feedback_id, author, body, created_at)
      SELECT r.project_id, r.id, r.thread_id, 'customer', r.message, r.received_at
      FROM fresh_input r
      JOIN feedback f ON f.project_id = r.project_id AND f.id = r.thread_id
      WHERE r.type = 'reply'
    ),
    stored_ratings AS (
      INSERT INTO resolution_ratings (project_id, feedback_id, resolved_at, id, score,
        comment, created_at)
      SELECT r.project_id, r.thread_id, f.resolved_at, r.id, r.score, r.comment, r.received_at
      FROM fresh_input r
      JOIN feedback f ON f.project_id = r.project_id AND f.id = r.thread_id
        AND f.status = 'resolved' AND f.resolved_at = r.resolved_at
      WHERE r.type = 'resolution_rating'
      ON CONFLICT (project_id, feedback_id, resolved_at) DO NOTHING
    ),`;

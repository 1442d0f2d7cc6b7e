import { sql } from 'kysely';

/**
 * Common table expressions for the ingest statement (`store/ingest.ts`) that keep a proven
 * user's traits apart from what any browser can claim. They read its `fresh_input`, where only
 * identify messages whose userHash verified carry a `user_id`:
 *
 * - `verified_traits`: per user, the traits of this batch's verified identifies merged in
 *   message-time order (jsonb keeps the last value of a repeated key), with the newest time.
 * - `stored_user_traits`: upserts them into `user_traits`; a batch older than what is stored
 *   fills only the keys still missing, so a late or replayed identify never rolls back a
 *   newer trait. Ordered so concurrent statements lock rows in the same order.
 *
 * Surveys target these traits only (`survey-eligibility.ts`), and only for a request that
 * proves the same user, so a visitor who claims `plan: pro` without a hash changes nothing.
 */
export const verifiedTraitsCtes = sql`
    verified_traits AS (
      SELECT s.project_id, s.user_id, max(s.at) AS traits_at,
        coalesce(jsonb_object_agg(t.key, t.value ORDER BY s.at, s.id)
          FILTER (WHERE t.key IS NOT NULL), '{}') AS traits
      FROM fresh_input s LEFT JOIN LATERAL jsonb_each(coalesce(s.data, '{}')) AS t ON true
      WHERE s.type = 'identify' AND s.user_id IS NOT NULL
      GROUP BY s.project_id, s.user_id
    ),
    stored_user_traits AS (
      INSERT INTO user_traits (project_id, user_id, traits, traits_at)
      SELECT project_id, user_id, traits, traits_at FROM verified_traits
      ORDER BY project_id, user_id
      ON CONFLICT (project_id, user_id) DO UPDATE SET
        traits = CASE WHEN excluded.traits_at >= user_traits.traits_at
          THEN user_traits.traits || excluded.traits ELSE excluded.traits || user_traits.traits END,
        traits_at = greatest(user_traits.traits_at, excluded.traits_at)
    ),`;

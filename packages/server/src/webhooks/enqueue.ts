import type { WebhookEventData } from '@rapport/protocol';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../store/schema';

/**
 * A fresh `webhook-id` per delivery row, made by the database so the ingest statement can
 * make them too: `msg_` and 32 hex digits (Standard Webhooks ids are opaque strings).
 */
export const NEW_DELIVERY_ID = sql<string>`'msg_' || replace(CAST(gen_random_uuid() AS text), '-', '')`;

/**
 * Queues `type` for every enabled endpoint of the project that subscribed to it, in ONE
 * `INSERT … SELECT` from the endpoints: no endpoint, no row, and nothing to look up first.
 * Call it with the transaction of the change it reports, so the change and its delivery
 * rows commit together or not at all (the outbox pattern).
 *
 * @example
 * await db.transaction().execute(async (trx) => {
 *   await trx.updateTable('feedback')…;
 *   await enqueueWebhookEvent(trx, projectId, 'feedback.status_changed', { … }, now);
 * });
 */
export async function enqueueWebhookEvent<K extends keyof WebhookEventData>(
  db: Kysely<Database>,
  projectId: string,
  type: K,
  data: WebhookEventData[K],
  at: Date,
): Promise<void> {
  await sql`INSERT INTO webhook_deliveries
      (id, project_id, endpoint_id, event_type, data, occurred_at, next_attempt_at, created_at)
    SELECT ${NEW_DELIVERY_ID}, project_id, id, ${type}, CAST(${JSON.stringify(data)} AS jsonb),
      ${at}, ${at}, ${at}
    FROM webhook_endpoints
    WHERE project_id = ${projectId} AND enabled AND ${type} = ANY(events)`.execute(db);
}

/**
 * Queues `loyalty.tier_changed` when an earn moved the member's lifetime points from
 * `before` to `after` across a tier threshold (tiers go by lifetime points, so only an earn
 * can change one; a redemption never does). The tiers are read in the same statement.
 */
export async function enqueueTierChange(
  db: Kysely<Database>,
  projectId: string,
  member: { userId: string; before: number; after: number },
  at: Date,
): Promise<void> {
  const tierAt = (points: number) => sql`(SELECT name FROM loyalty_tiers
    WHERE project_id = ${projectId} AND threshold <= ${points}
    ORDER BY threshold DESC, name DESC LIMIT 1)`;
  await sql`WITH tiers AS (SELECT ${tierAt(member.before)} AS from_tier,
      ${tierAt(member.after)} AS to_tier)
    INSERT INTO webhook_deliveries
      (id, project_id, endpoint_id, event_type, data, occurred_at, next_attempt_at, created_at)
    SELECT ${NEW_DELIVERY_ID}, w.project_id, w.id, 'loyalty.tier_changed',
      jsonb_build_object('projectId', w.project_id, 'userId', CAST(${member.userId} AS text),
        'from', t.from_tier, 'to', t.to_tier, 'lifetimePoints', CAST(${member.after} AS integer)),
      ${at}, ${at}, ${at}
    FROM webhook_endpoints w CROSS JOIN tiers t
    WHERE w.project_id = ${projectId} AND w.enabled AND 'loyalty.tier_changed' = ANY(w.events)
      AND t.from_tier IS DISTINCT FROM t.to_tier`.execute(db);
}

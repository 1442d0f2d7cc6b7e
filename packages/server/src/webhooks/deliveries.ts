import { WEBHOOK_TEST_EVENT, type WebhookDelivery } from '@rapport/protocol';
import { type Kysely, type Selectable, sql } from 'kysely';
import { type CursorPosition, encodeCursor } from '../cursor';
import { isoOf } from '../store/rows';
import type { Database } from '../store/schema';
import { NEW_DELIVERY_ID } from './enqueue';
import type { WebhookDeliveriesTable } from './schema';

const LOG_COLUMNS = [
  'id',
  'endpoint_id',
  'event_type',
  'status',
  'attempts',
  'next_attempt_at',
  'last_attempt_at',
  'last_status_code',
  'last_error',
  'response_excerpt',
  'created_at',
] as const;

type LogRow = Pick<Selectable<WebhookDeliveriesTable>, (typeof LOG_COLUMNS)[number]>;

/** A delivery row as the log shows it (never its data: that is the receiver's to read). */
export function deliveryOf(row: LogRow): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    type: row.event_type as WebhookDelivery['type'],
    status: row.status,
    attempts: Number(row.attempts),
    nextAttemptAt:
      row.status === 'pending' && row.next_attempt_at ? isoOf(row.next_attempt_at) : null,
    lastAttemptAt: row.last_attempt_at && isoOf(row.last_attempt_at),
    lastStatusCode: row.last_status_code === null ? null : Number(row.last_status_code),
    lastError: row.last_error,
    responseExcerpt: row.response_excerpt,
    createdAt: isoOf(row.created_at),
  };
}

/** One page of an endpoint's delivery log, newest first. */
export async function listDeliveries(
  db: Kysely<Database>,
  projectId: string,
  endpointId: string,
  options: { after?: CursorPosition; limit: number },
): Promise<{ items: WebhookDelivery[]; nextCursor?: string }> {
  let query = db
    .selectFrom('webhook_deliveries')
    .select(LOG_COLUMNS)
    .where('project_id', '=', projectId)
    .where('endpoint_id', '=', endpointId);
  const after = options.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', new Date(after.at)),
        eb.and([eb('created_at', '=', new Date(after.at)), eb('id', '<', after.id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit + 1)
    .execute();
  const items = rows.slice(0, options.limit).map(deliveryOf);
  const last = items.at(-1);
  return rows.length > options.limit && last
    ? { items, nextCursor: encodeCursor({ at: last.createdAt, id: last.id }) }
    : { items };
}

/**
 * Sends a delivery again, with the same `webhook-id` (so a receiver that did process it can
 * tell): a fresh round of attempts, due now. Undefined when there is no such delivery.
 */
export async function redeliver(
  db: Kysely<Database>,
  projectId: string,
  endpointId: string,
  id: string,
  now: Date,
): Promise<WebhookDelivery | undefined> {
  const row = await db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now })
    .where('project_id', '=', projectId)
    .where('endpoint_id', '=', endpointId)
    .where('id', '=', id)
    .returning(LOG_COLUMNS)
    .executeTakeFirst();
  return row && deliveryOf(row);
}

/** Queues a `webhook.test` event for one endpoint, whatever it subscribed to. */
export async function queueTestEvent(
  db: Kysely<Database>,
  projectId: string,
  endpointId: string,
  now: Date,
): Promise<WebhookDelivery | undefined> {
  const data = JSON.stringify({ projectId, endpointId });
  const { rows } = await sql<LogRow>`INSERT INTO webhook_deliveries
      (id, project_id, endpoint_id, event_type, data, occurred_at, next_attempt_at, created_at)
    SELECT ${NEW_DELIVERY_ID}, project_id, id, ${WEBHOOK_TEST_EVENT}, CAST(${data} AS jsonb),
      ${now}, ${now}, ${now}
    FROM webhook_endpoints WHERE project_id = ${projectId} AND id = ${endpointId}
    RETURNING ${sql.join(LOG_COLUMNS.map((column) => sql.ref(column)))}`.execute(db);
  return rows[0] && deliveryOf(rows[0]);
}

import type { WebhookFormat } from '@rapport/protocol';
import { type Kysely, sql } from 'kysely';
import { recordAudit } from '../store/audit-log';
import type { Database } from '../store/schema';
import type { AttemptOutcome } from './send-attempt';

/** A delivery a worker claimed: what it needs to sign and send one attempt. */
export interface ClaimedDelivery {
  id: string;
  projectId: string;
  endpointId: string;
  type: string;
  data: unknown;
  occurredAt: Date;
  /** The number of this attempt (1 for the first); the claim's fencing token. */
  attempt: number;
  url: string;
  /** What the body is: the signed JSON or a Slack message. */
  format: WebhookFormat;
  /** The secrets to sign with: the current one, and the previous one while it is valid. */
  secrets: string[];
}

interface ClaimRow {
  id: string;
  project_id: string;
  endpoint_id: string;
  event_type: string;
  data: unknown;
  occurred_at: Date | string;
  attempts: number;
  url: string;
  format: WebhookFormat;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Date | string | null;
}

/**
 * Claims up to `limit` due deliveries of enabled endpoints in one statement. `FOR UPDATE SKIP
 * LOCKED` lets several instances claim at once without waiting on or taking each other's
 * rows, and each claimed row's due time moves to `leaseUntil`, so nobody claims it again while
 * it is being sent — without holding a transaction open across the HTTP request. A worker that
 * dies mid-send leaves the row to be retried when the lease ends (same `webhook-id`).
 */
export async function claimDue(
  db: Kysely<Database>,
  options: { now: Date; leaseUntil: Date; limit: number },
): Promise<ClaimedDelivery[]> {
  const { rows } = await sql<ClaimRow>`
    UPDATE webhook_deliveries d
    SET attempts = d.attempts + 1, next_attempt_at = ${options.leaseUntil},
      last_attempt_at = ${options.now}
    FROM (
      SELECT due.id FROM webhook_deliveries due
      JOIN webhook_endpoints e
        ON e.project_id = due.project_id AND e.id = due.endpoint_id AND e.enabled
      WHERE due.status = 'pending' AND due.next_attempt_at <= ${options.now}
      ORDER BY due.next_attempt_at
      LIMIT ${options.limit}
      FOR UPDATE OF due SKIP LOCKED
    ) claimed, webhook_endpoints w
    WHERE d.id = claimed.id AND w.project_id = d.project_id AND w.id = d.endpoint_id
    RETURNING d.id, d.project_id, d.endpoint_id, d.event_type, d.data, d.occurred_at,
      d.attempts, w.url, w.format, w.secret, w.previous_secret, w.previous_secret_expires_at`.execute(
    db,
  );
  const now = options.now.getTime();
  return rows.map((row) => {
    const previousValid =
      row.previous_secret !== null &&
      row.previous_secret_expires_at !== null &&
      new Date(row.previous_secret_expires_at).getTime() > now;
    return {
      id: row.id,
      projectId: row.project_id,
      endpointId: row.endpoint_id,
      type: row.event_type,
      data: typeof row.data === 'string' ? JSON.parse(row.data) : row.data,
      occurredAt: new Date(row.occurred_at),
      attempt: Number(row.attempts),
      url: row.url,
      format: row.format,
      secrets: previousValid ? [row.secret, row.previous_secret as string] : [row.secret],
    };
  });
}

/** Gives a claim back untried (shutdown aborted its attempt): due again at once, elsewhere. */
export async function releaseClaim(db: Kysely<Database>, claim: ClaimedDelivery, now: Date) {
  await db
    .updateTable('webhook_deliveries')
    .set((eb) => ({ attempts: eb('attempts', '-', 1), next_attempt_at: now }))
    .where('id', '=', claim.id)
    .where('attempts', '=', claim.attempt)
    .execute();
}

/** Rows one statement of {@link pruneDeliveryLog} deletes: short statements, few locks. */
const PRUNE_BATCH = 5_000;

/**
 * Deletes delivered and failed deliveries created before `before`, in batches, stopping
 * between statements when `signal` aborts; pending ones are never deleted.
 *
 * @returns how many rows went.
 */
export async function pruneDeliveryLog(
  db: Kysely<Database>,
  before: Date,
  signal: AbortSignal,
): Promise<number> {
  let deleted = 0;
  while (!signal.aborted) {
    const result = await sql`DELETE FROM webhook_deliveries WHERE id IN (
        SELECT id FROM webhook_deliveries
        WHERE status <> 'pending' AND created_at < ${before} LIMIT ${PRUNE_BATCH})`.execute(db);
    const count = Number(result.numAffectedRows ?? 0);
    deleted += count;
    if (count < PRUNE_BATCH) break;
  }
  return deleted;
}

/** What {@link recordOutcome} concluded about the endpoint. */
export interface EndpointVerdict {
  /** True when this failure ended a streak long enough to disable the endpoint. */
  disabled: boolean;
}

/**
 * Records an attempt: delivered, due again at `retryAt`, or failed for good (`retryAt`
 * undefined). Guarded by the attempt number, so a worker whose lease ran out cannot overwrite
 * a newer attempt. A success ends the endpoint's failure streak; a failure starts or extends
 * it, and a streak of `disableAfterMs` disables the endpoint (reason, audit row) and gives up
 * its pending deliveries.
 */
export async function recordOutcome(
  db: Kysely<Database>,
  claim: ClaimedDelivery,
  outcome: AttemptOutcome,
  options: { now: Date; retryAt: Date | undefined; disableAfterMs: number },
): Promise<EndpointVerdict> {
  const status = outcome.ok ? 'delivered' : options.retryAt ? 'pending' : 'failed';
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('webhook_deliveries')
      .set({
        status,
        next_attempt_at: status === 'pending' ? (options.retryAt as Date) : null,
        last_status_code: outcome.statusCode,
        last_error: outcome.error,
        response_excerpt: outcome.excerpt,
      })
      .where('id', '=', claim.id)
      .where('attempts', '=', claim.attempt)
      .execute();
    const endpoint = trx
      .updateTable('webhook_endpoints')
      .where('project_id', '=', claim.projectId)
      .where('id', '=', claim.endpointId);
    if (outcome.ok) {
      await endpoint.set({ failing_since: null }).where('failing_since', 'is not', null).execute();
      return { disabled: false };
    }
    const streak = await endpoint
      .set((eb) => ({ failing_since: eb.fn.coalesce('failing_since', eb.val(options.now)) }))
      .where('enabled', '=', true)
      .returning('failing_since')
      .executeTakeFirst();
    const since = streak?.failing_since && new Date(streak.failing_since);
    if (!since || options.now.getTime() - since.getTime() < options.disableAfterMs) {
      return { disabled: false };
    }
    await disableEndpoint(trx, claim, since, options.now);
    return { disabled: true };
  });
}

async function disableEndpoint(
  trx: Kysely<Database>,
  claim: ClaimedDelivery,
  since: Date,
  now: Date,
) {
  const days = Math.floor((now.getTime() - since.getTime()) / 86_400_000);
  const reason = `Every delivery failed for ${days} days (since ${since.toISOString()}); fix the receiver, then enable the endpoint again.`;
  await trx
    .updateTable('webhook_endpoints')
    .set({ enabled: false, disabled_reason: reason, disabled_at: now })
    .where('project_id', '=', claim.projectId)
    .where('id', '=', claim.endpointId)
    .execute();
  await trx
    .updateTable('webhook_deliveries')
    .set({ status: 'failed', next_attempt_at: null, last_error: 'endpoint disabled' })
    .where('project_id', '=', claim.projectId)
    .where('endpoint_id', '=', claim.endpointId)
    .where('status', '=', 'pending')
    .execute();
  await recordAudit(
    trx,
    {
      projectId: claim.projectId,
      actor: null,
      action: 'webhook_disabled',
      target: claim.endpointId,
      details: { failingSince: since.toISOString() },
    },
    now,
  );
}

import type pg from 'pg';
import type { FleetClient } from './sdk-fleet';

/** The SDKs' view checked against the database, message by message. */
export interface Reconciliation {
  /** Messages the SDKs wrote into their outboxes. */
  written: number;
  /** Acknowledged (`sent`) by the server, as the SDKs saw it. */
  acknowledged: number;
  /** Neither acknowledged nor given up on when the drain ended. */
  stillPending: number;
  /** Given up on by an SDK (rejected, dropped), by reason. */
  gaveUp: Record<string, number>;
  /** Acknowledged and stored exactly once. */
  storedOnce: number;
  /** Acknowledged but not in the database. */
  missing: number;
  /** Stored more than once (events has no unique key of its own, so this can be seen). */
  storedTwice: number;
  /** In the database but never acknowledged to any SDK. */
  storedUnacknowledged: number;
}

/** Counts, by message id, the rows of `events` (track) and `feedback` of `projectId`. */
async function storedCounts(db: pg.Client, schema: string, projectId: string) {
  const { rows } = await db.query<{ id: string; n: string }>(
    `SELECT id, count(*) AS n FROM ${schema}.events WHERE project_id = $1 GROUP BY id
     UNION ALL
     SELECT id, count(*) AS n FROM ${schema}.feedback WHERE project_id = $1 GROUP BY id`,
    [projectId],
  );
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.id, (counts.get(row.id) ?? 0) + Number(row.n));
  return counts;
}

/** What the SDKs believe: the ids acknowledged to any of them, and the rest by fate. */
function sdkView(clients: FleetClient[]) {
  const acknowledged = new Set<string>();
  const gaveUp: Record<string, number> = {};
  let written = 0;
  let stillPending = 0;
  for (const { created, acked, failed } of clients) {
    written += created.size;
    for (const id of created.keys()) {
      const reason = failed.get(id);
      if (acked.has(id)) acknowledged.add(id);
      else if (reason) gaveUp[reason] = (gaveUp[reason] ?? 0) + 1;
      else stillPending += 1;
    }
  }
  return { acknowledged, gaveUp, written, stillPending };
}

/** Every message any SDK considers delivered must be stored exactly once. */
export async function reconcileMessages(
  db: pg.Client,
  schema: string,
  projectId: string,
  clients: FleetClient[],
): Promise<Reconciliation> {
  const counts = await storedCounts(db, schema, projectId);
  const { acknowledged, gaveUp, written, stillPending } = sdkView(clients);
  const result: Reconciliation = {
    written,
    acknowledged: acknowledged.size,
    stillPending,
    gaveUp,
    storedOnce: 0,
    missing: 0,
    storedTwice: 0,
    storedUnacknowledged: 0,
  };
  for (const id of acknowledged) {
    const n = counts.get(id) ?? 0;
    if (n === 0) result.missing += 1;
    else if (n === 1) result.storedOnce += 1;
  }
  for (const [id, n] of counts) {
    if (n > 1) result.storedTwice += 1;
    if (!acknowledged.has(id)) result.storedUnacknowledged += 1;
  }
  return result;
}

/** The loyalty side: what was charged against what the member had. */
export interface RedeemCheck {
  initialBalance: number;
  finalBalance: number;
  redemptions: number;
  /** Sum of the stored redemptions' costs. */
  charged: number;
  /** Ids answered 200 to the racer that are not stored (must be 0). */
  wonButMissing: number;
  /** Stored redemptions never answered 200 (their answers were all lost; may be > 0). */
  storedNotWon: number;
}

export async function reconcileRedeems(
  db: pg.Client,
  schema: string,
  projectId: string,
  userId: string,
  initialBalance: number,
  won: Set<string>,
): Promise<RedeemCheck> {
  const stored = await db.query<{ id: string; cost: number }>(
    `SELECT id, cost FROM ${schema}.redemptions WHERE project_id = $1 AND user_id = $2`,
    [projectId, userId],
  );
  const member = await db.query<{ balance: number }>(
    `SELECT balance FROM ${schema}.loyalty_members WHERE project_id = $1 AND user_id = $2`,
    [projectId, userId],
  );
  const ids = new Set(stored.rows.map((row) => row.id));
  return {
    initialBalance,
    finalBalance: Number(member.rows[0]?.balance),
    redemptions: stored.rows.length,
    charged: stored.rows.reduce((sum, row) => sum + Number(row.cost), 0),
    wonButMissing: [...won].filter((id) => !ids.has(id)).length,
    storedNotWon: [...ids].filter((id) => !won.has(id)).length,
  };
}

import type { Redemption, RedemptionStatus } from '@rapport/protocol';
import type { Kysely } from 'kysely';
import type { CursorPosition } from '../cursor';
import { isoOf } from './rows';
import type { Database } from './schema';

/** One page of redemptions, newest first, with the position after its last item. */
export interface RedemptionPage {
  items: Redemption[];
  next: CursorPosition | undefined;
}

function redemptions(db: Kysely<Database>, projectId: string) {
  return db
    .selectFrom('redemptions as r')
    .leftJoin('rewards as w', (join) =>
      join.onRef('w.project_id', '=', 'r.project_id').onRef('w.id', '=', 'r.reward_id'),
    )
    .select([
      'r.id',
      'r.user_id',
      'r.reward_id',
      'w.name as reward_name',
      'r.cost',
      'r.code',
      'r.status',
      'r.created_at',
      'r.fulfilled_at',
    ])
    .where('r.project_id', '=', projectId);
}

type RedemptionRow = Awaited<ReturnType<ReturnType<typeof redemptions>['executeTakeFirstOrThrow']>>;

function redemptionOf(row: RedemptionRow): Redemption {
  return {
    id: row.id,
    userId: row.user_id,
    rewardId: row.reward_id,
    rewardName: row.reward_name,
    cost: Number(row.cost),
    code: row.code,
    status: row.status,
    createdAt: isoOf(row.created_at),
    fulfilledAt: row.fulfilled_at && isoOf(row.fulfilled_at),
  };
}

/** The project's redemptions, newest first, optionally only those with `status`. */
export async function listRedemptions(
  db: Kysely<Database>,
  projectId: string,
  options: { status?: RedemptionStatus; after?: CursorPosition; limit: number },
): Promise<RedemptionPage> {
  let query = redemptions(db, projectId);
  if (options.status) query = query.where('r.status', '=', options.status);
  const after = options.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('r.created_at', '<', new Date(after.at)),
        eb.and([eb('r.created_at', '=', new Date(after.at)), eb('r.id', '<', after.id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(options.limit + 1)
    .execute();
  const items = rows.slice(0, options.limit).map(redemptionOf);
  const last = items.at(-1);
  return {
    items,
    next: rows.length > options.limit && last ? { at: last.createdAt, id: last.id } : undefined,
  };
}

/** Marks a redemption fulfilled (now) or pending again; undefined when there is none. */
export async function setRedemptionStatus(
  db: Kysely<Database>,
  projectId: string,
  id: string,
  status: RedemptionStatus,
  now: Date,
): Promise<Redemption | undefined> {
  const updated = await db
    .updateTable('redemptions')
    .set({ status, fulfilled_at: status === 'fulfilled' ? now : null })
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  if (!updated) return undefined;
  const row = await redemptions(db, projectId).where('r.id', '=', id).executeTakeFirstOrThrow();
  return redemptionOf(row);
}

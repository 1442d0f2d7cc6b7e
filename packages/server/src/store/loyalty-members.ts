import type { MemberRow, MemberSort } from '@rapport/protocol';
import type { Kysely } from 'kysely';
import { InvalidQueryError } from '../errors';
import { isoOf } from './rows';
import type { Database } from './schema';

/** Where a page of members ended: the sort value (balance or join time) and the user id. */
type MemberPosition = [number | string, string];

/** One page of members with the cursor of the next, if any. */
export interface MemberPage {
  items: MemberRow[];
  nextCursor: string | undefined;
}

function encode(position: MemberPosition): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

function decode(cursor: string, sort: MemberSort): MemberPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[1] === 'string') {
      const [first, id] = value;
      if (sort === 'balance' && Number.isSafeInteger(first)) return [first, id];
      if (sort === 'recent' && typeof first === 'string' && !Number.isNaN(Date.parse(first))) {
        return [first, id];
      }
    }
  } catch {
    // fall through to the error below
  }
  throw new InvalidQueryError('cursor: not a cursor this list returned.');
}

/** Escapes `%`, `_` and `\` for a LIKE pattern. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * The program's members, highest balance first (then user id) or newest first, optionally
 * those whose user id contains `q` (case-insensitive), each with the tier their lifetime
 * points reach.
 */
export async function listMembers(
  db: Kysely<Database>,
  projectId: string,
  options: { q?: string | undefined; sort: MemberSort; cursor?: string | undefined; limit: number },
): Promise<MemberPage> {
  let query = db
    .selectFrom('loyalty_members as m')
    .select(['m.user_id', 'm.balance', 'm.lifetime_points', 'm.created_at'])
    .select((eb) =>
      eb
        .selectFrom('loyalty_tiers as t')
        .select('t.name')
        .whereRef('t.project_id', '=', 'm.project_id')
        .whereRef('t.threshold', '<=', 'm.lifetime_points')
        .orderBy('t.threshold', 'desc')
        .limit(1)
        .as('tier'),
    )
    .where('m.project_id', '=', projectId);
  const q = options.q?.trim();
  if (q) query = query.where('m.user_id', 'ilike', `%${likeLiteral(q)}%`);
  if (options.cursor) {
    const [value, id] = decode(options.cursor, options.sort);
    query =
      options.sort === 'balance'
        ? query.where((eb) =>
            eb.or([
              eb('m.balance', '<', Number(value)),
              eb.and([eb('m.balance', '=', Number(value)), eb('m.user_id', '>', id)]),
            ]),
          )
        : query.where((eb) =>
            eb.or([
              eb('m.created_at', '<', new Date(value)),
              eb.and([eb('m.created_at', '=', new Date(value)), eb('m.user_id', '>', id)]),
            ]),
          );
  }
  query =
    options.sort === 'balance'
      ? query.orderBy('m.balance', 'desc')
      : query.orderBy('m.created_at', 'desc');
  const rows = await query
    .orderBy('m.user_id')
    .limit(options.limit + 1)
    .execute();
  const items = rows.slice(0, options.limit).map((row) => ({
    userId: row.user_id,
    balance: Number(row.balance),
    lifetimePoints: Number(row.lifetime_points),
    tier: row.tier ?? null,
    joinedAt: isoOf(row.created_at),
  }));
  const last = items.at(-1);
  const more = rows.length > options.limit && last;
  return {
    items,
    nextCursor: more
      ? encode([options.sort === 'balance' ? last.balance : last.joinedAt, last.userId])
      : undefined,
  };
}

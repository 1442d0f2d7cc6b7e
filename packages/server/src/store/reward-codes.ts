import { randomBytes } from 'node:crypto';
import type { RewardCodes, RewardCodesAdded, RewardCodesInput } from '@rapport/protocol';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

/** Letters and digits that cannot be misread for one another (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A fresh code, `RAP-XXXX-XXXX-XXXX`: 12 symbols of 31, about 59 bits, from the CSPRNG. */
export function generateRewardCode(): string {
  const bytes = randomBytes(12);
  const symbols = [...bytes].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
  return `RAP-${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8)}`;
}

async function countCodes(db: Kysely<Database>, projectId: string, rewardId: string) {
  const row = await db
    .selectFrom('reward_codes')
    .select((eb) => [
      eb.fn.countAll<string>().as('total'),
      eb.fn.count<string>('redemption_id').as('handed_out'),
    ])
    .where('project_id', '=', projectId)
    .where('reward_id', '=', rewardId)
    .executeTakeFirstOrThrow();
  const handedOut = Number(row.handed_out);
  return { available: Number(row.total) - handedOut, handedOut };
}

/**
 * Adds the given codes, or generates `generate` new ones, to a reward. A code the reward
 * already has is skipped (and counted), so uploading the same list twice adds nothing.
 */
export async function addRewardCodes(
  db: Kysely<Database>,
  projectId: string,
  rewardId: string,
  input: RewardCodesInput,
  now: Date,
): Promise<RewardCodesAdded> {
  const generated =
    'generate' in input ? Array.from({ length: input.generate }, generateRewardCode) : undefined;
  const codes = [...new Set(generated ?? ('codes' in input ? input.codes : []))];
  const inserted = await db
    .insertInto('reward_codes')
    .values(
      codes.map((code) => ({ project_id: projectId, reward_id: rewardId, code, created_at: now })),
    )
    .onConflict((oc) => oc.columns(['project_id', 'reward_id', 'code']).doNothing())
    .returning('code')
    .execute();
  const { available } = await countCodes(db, projectId, rewardId);
  const requested = generated?.length ?? ('codes' in input ? input.codes.length : 0);
  return {
    added: inserted.length,
    skipped: requested - inserted.length,
    available,
    ...(generated && { generated: inserted.map((row) => row.code) }),
  };
}

/** Most codes {@link listRewardCodes} returns at once. */
const LISTED_CODES = 1_000;

/** The reward's counts and up to 1,000 of its codes, free ones first. */
export async function listRewardCodes(
  db: Kysely<Database>,
  projectId: string,
  rewardId: string,
): Promise<RewardCodes> {
  const [counts, rows] = await Promise.all([
    countCodes(db, projectId, rewardId),
    db
      .selectFrom('reward_codes')
      .select(['code', 'redemption_id'])
      .where('project_id', '=', projectId)
      .where('reward_id', '=', rewardId)
      .orderBy((eb) => eb('redemption_id', 'is not', null))
      .orderBy('created_at')
      .orderBy('code')
      .limit(LISTED_CODES)
      .execute(),
  ]);
  return {
    ...counts,
    items: rows.map((row) => ({ code: row.code, redemptionId: row.redemption_id })),
  };
}

/**
 * Takes one free code for a redemption, inside its transaction; undefined when none is left.
 * The caller holds the reward's row lock, so two redemptions never take the same code, and
 * `SKIP LOCKED` keeps even an unlocked caller from waiting on another's pick.
 */
export async function takeRewardCode(
  trx: Transaction<Database>,
  projectId: string,
  rewardId: string,
  redemptionId: string,
): Promise<string | undefined> {
  const free = await trx
    .selectFrom('reward_codes')
    .select('code')
    .where('project_id', '=', projectId)
    .where('reward_id', '=', rewardId)
    .where('redemption_id', 'is', null)
    .orderBy('created_at')
    .orderBy('code')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  if (!free) return undefined;
  await trx
    .updateTable('reward_codes')
    .set({ redemption_id: redemptionId })
    .where('project_id', '=', projectId)
    .where('reward_id', '=', rewardId)
    .where('code', '=', free.code)
    .execute();
  return free.code;
}

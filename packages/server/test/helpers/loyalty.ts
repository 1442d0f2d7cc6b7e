import type { Store } from '../../src/store/index';
import { earnPoints } from '../../src/store/loyalty-ledger';
import { createReward } from '../../src/store/loyalty-program';

/** Gives `userId` exactly `points` and creates a reward costing `cost`. */
export async function memberWithReward(
  store: Store,
  userId: string,
  points: number,
  cost: number,
  now: Date,
) {
  await earnPoints(
    store.db,
    'proj_test',
    { id: `seed-${userId}`, userId, points, reason: 'Seed' },
    now,
  );
  await createReward(
    store.db,
    'proj_test',
    { id: 'reward-1', name: 'Mug', cost, active: true },
    now,
  );
}

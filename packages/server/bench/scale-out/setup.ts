/**
 * What the scale-out bench starts from: its project with one member's balance and reward in a
 * fresh schema, and the environment each `rapport start` instance runs with.
 */
import { createPostgresStore, migrate } from '../../src/store/index';
import { earnPoints } from '../../src/store/loyalty-ledger';
import { createReward } from '../../src/store/loyalty-program';
import { upsertProject } from '../../src/store/projects';

export const PROJECT = { id: 'proj_scale', key: 'pk_scale', secret: 'is_scale' };
export const MEMBER = { userId: 'racer', balance: 5_000, rewardId: 'reward-scale', cost: 100 };
/**
 * The per-IP limit (requests a minute) the instances run with: half the default, so a probe
 * can show a shared counter (exactly this many 200s) apart from per-instance ones (up to twice
 * as many) in a few seconds, and still twice what one SDK client sends at this rate.
 */
export const IP_LIMIT = 300;

/** Creates the bench project and gives its member a balance and one reward to redeem. */
export async function seed(connectionString: string, schema: string) {
  const store = createPostgresStore({ connectionString, schema });
  try {
    await migrate(store);
    await upsertProject(store.db, {
      id: PROJECT.id,
      name: 'Scale-out bench',
      publishableKey: PROJECT.key,
      secretKey: 'sk_scale',
      identitySecret: PROJECT.secret,
      allowedOrigins: [],
    });
    const now = new Date();
    const { userId, balance, rewardId, cost } = MEMBER;
    await earnPoints(
      store.db,
      PROJECT.id,
      { id: 'seed', userId, points: balance, reason: 'Seed' },
      now,
    );
    await createReward(
      store.db,
      PROJECT.id,
      { id: rewardId, name: 'Mug', cost, active: true },
      now,
    );
  } finally {
    await store.close();
  }
}

/** The environment of one `rapport start` process: the bench schema, Redis through the proxy. */
export function instanceEnv(connectionString: string, schema: string, redisPort: number) {
  const url = new URL(connectionString);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    PATH: process.env.PATH,
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: url.toString(),
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    RAPPORT_REDIS_PREFIX: schema,
    RAPPORT_DEMO: '0',
    RAPPORT_TRUST_PROXY: 'loopback',
    RAPPORT_PRUNE_INTERVAL_MINUTES: '0',
    RAPPORT_RATE_LIMIT_IP: String(IP_LIMIT),
    RAPPORT_WIDGET_PATH: '/nonexistent/rapport.js',
  };
}

import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_PACKAGE_DIR } from '../src/cli-config';
import { userHashOf } from '../src/identity';
import { createPostgresStore, migrate } from '../src/store/index';
import { CLI_ARGS } from './helpers/cli';
import { databases } from './helpers/databases';
import { memberWithReward } from './helpers/loyalty';
import { testRedis } from './helpers/redis';
import { message } from './helpers/requests';
import { IDENTITY_SECRET, PK, seedProjects } from './helpers/test-app';

/**
 * The scale-out claim, with real processes: two `rapport start` on one PostgreSQL schema and
 * one Redis. Any instance can take any request — dedupe, balances and rate limits hold across
 * them — and one stopping leaves the other serving.
 */
const postgresUrl = databases.some((d) => d.name === 'postgres')
  ? process.env.TEST_DATABASE_URL
  : undefined;
const redis = await testRedis();
afterAll(() => redis?.disconnect());

/** Requests per minute per IP, shared by both instances through Redis. */
const IP_LIMIT = 8;

interface Instance {
  child: ChildProcess;
  base: string;
  output: string[];
}

function startInstance(env: NodeJS.ProcessEnv): Promise<Instance> {
  const child = spawn(process.execPath, [...CLI_ARGS, 'start'], {
    cwd: SERVER_PACKAGE_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start: ${output.join('')}`)), 40_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /"msg":"listening","url":"http:\/\/localhost:(\d+)"/.exec(output.join(''));
      if (match) {
        clearTimeout(timer);
        resolve({ child, base: `http://127.0.0.1:${match[1]}`, output });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${output.join('')}`)));
  });
}

async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${PK}`, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

describe.skipIf(!postgresUrl || !redis)('two instances on one PostgreSQL and one Redis', () => {
  const schema = `rapport_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const store = createPostgresStore({ connectionString: postgresUrl ?? '', schema });
    await migrate(store);
    await seedProjects(store);
    await memberWithReward(store, 'racer', 100, 100, new Date());
    await store.close();
    const url = new URL(postgresUrl ?? '');
    url.searchParams.set('options', `-c search_path=${schema}`);
    const env = {
      PATH: process.env.PATH,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: url.toString(),
      REDIS_URL: process.env.TEST_REDIS_URL,
      RAPPORT_REDIS_PREFIX: schema,
      RAPPORT_DEMO: '0',
      RAPPORT_RATE_LIMIT_IP: String(IP_LIMIT),
      // The test plays the load balancer on loopback, naming each client in X-Forwarded-For.
      RAPPORT_TRUST_PROXY: 'loopback',
      RAPPORT_PRUNE_INTERVAL_MINUTES: '0',
      RAPPORT_WIDGET_PATH: '/nonexistent/rapport.js',
    };
    [a, b] = await Promise.all([startInstance(env), startInstance(env)]);
  }, 60_000);

  afterAll(async () => {
    for (const instance of [a, b]) {
      if (instance && instance.child.exitCode === null) instance.child.kill('SIGKILL');
    }
    await admin.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => {});
    await admin.end();
  });

  /** A request from a client behind the (loopback) load balancer. */
  const from = (client: string) => ({ 'x-forwarded-for': client });

  it('serves any request from either: one store of messages, one balance, one rate limit', async () => {
    expect((await call(a.base, 'GET', '/ready')).status).toBe(200);
    expect((await call(b.base, 'GET', '/ready')).status).toBe(200);

    // The same batch through both (a retry that the load balancer sent elsewhere): stored once.
    const batch = { messages: [message('page'), message('track'), message('feedback')] };
    const first = await call(a.base, 'POST', '/v1/batch', batch, from('198.51.100.1'));
    expect(first.body).toMatchObject({ accepted: 3 });
    const again = await call(b.base, 'POST', '/v1/batch', batch, from('198.51.100.1'));
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 3 });
    const stored = await admin.query(`SELECT count(*) AS n FROM ${schema}.processed_messages`);
    expect(Number(stored.rows[0].n)).toBe(3);

    // Eight redeems of the whole balance, split over both instances: exactly one wins.
    const hash = userHashOf(IDENTITY_SECRET, 'racer');
    const redeems = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        call(
          i % 2 ? a.base : b.base,
          'POST',
          '/v1/loyalty/redeem',
          { id: `redeem-${i}`, userId: 'racer', userHash: hash, rewardId: 'reward-1' },
          from(`198.51.100.${10 + i}`),
        ),
      ),
    );
    expect(redeems.filter((r) => r.status === 200)).toHaveLength(1);
    const balance = await admin.query(
      `SELECT balance FROM ${schema}.loyalty_members WHERE user_id = 'racer'`,
    );
    expect(Number(balance.rows[0].balance)).toBe(0);

    // One client alternating over both instances is refused exactly at the limit: the counter
    // is shared (per-instance counters would let it send twice as many).
    const statuses: number[] = [];
    for (let i = 0; i <= IP_LIMIT; i += 1) {
      const base = i % 2 ? a.base : b.base;
      statuses.push(
        (await call(base, 'GET', '/v1/config', undefined, from('198.51.100.99'))).status,
      );
    }
    expect(statuses).toEqual([...Array(IP_LIMIT).fill(200), 429]);
  }, 30_000);

  it('keeps serving from one instance while the other shuts down', async () => {
    const exited = new Promise<number | null>((resolve) => a.child.once('exit', resolve));
    const startedAt = Date.now();
    a.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - startedAt).toBeLessThan(10_000);
    expect((await call(b.base, 'GET', '/ready')).status).toBe(200);
    const batch = { messages: [message('page')] };
    const res = await call(b.base, 'POST', '/v1/batch', batch, from('198.51.100.2'));
    expect(res.body).toMatchObject({ accepted: 1 });
  }, 20_000);
});

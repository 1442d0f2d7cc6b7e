/**
 * The scale-out proof under faults: `npm run bench:scale-out -w @rapport/server`.
 *
 * Two `rapport start` processes on one PostgreSQL schema, with Redis reached through a TCP
 * proxy this bench can cut, behind a round-robin HTTP proxy that retries nothing. N SDK
 * clients (the SDK's source, its real outbox, one memory storage each) send a steady stream
 * of track and feedback messages while instance A is SIGKILLed and restarted, instance B is
 * SIGTERMed and restarted and Redis is cut; meanwhile one balance is redeemed from both
 * instances and the per-IP limit is probed. Then every outbox is drained and the SDKs' view
 * is reconciled with the database. Everything on 127.0.0.1, about two and a half minutes.
 *
 * Environment: TEST_DATABASE_URL or DATABASE_URL (PostgreSQL, a schema of its own is created
 * and dropped), TEST_REDIS_URL or REDIS_URL (default redis://127.0.0.1:6379), SCALE_OUT_CLIENTS
 * (20), SCALE_OUT_RATE (messages/s in total, 50), SCALE_OUT_SECONDS (60; the faults keep their
 * times, so keep it ≥ 60).
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { userHashOf } from '../src/identity';
import {
  type Instance,
  killAllInstances,
  type RedisProxy,
  redisNotes,
  startInstance,
  startRedisProxy,
  stopInstance,
} from './scale-out/instances';
import { type IpProbe, probeIpLimit, startRedeems } from './scale-out/probes';
import { reconcileMessages, reconcileRedeems } from './scale-out/reconcile';
import { formatScaleOutMarkdown, type ScaleOutResult } from './scale-out/report';
import { createRoundRobinProxy, type RoundRobinProxy } from './scale-out/round-robin-proxy';
import { createFleet, type Fleet } from './scale-out/sdk-fleet';
import { IP_LIMIT, instanceEnv, MEMBER, PROJECT, seed } from './scale-out/setup';

/** Options for {@link runScaleOutBench}. */
export interface ScaleOutOptions {
  connectionString: string;
  redisUrl: string;
  /** @default 20 */
  clients?: number;
  /** Messages a second, all clients together. @default 50 */
  ratePerSecond?: number;
  /** @default 60 */
  trafficSeconds?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes `ratePerSecond` messages a second, spread evenly, until stopped. */
function steadyStream(fleet: Fleet, ratePerSecond: number) {
  const started = performance.now();
  let written = 0;
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - started) / 1000) * ratePerSecond);
    while (written < due) {
      fleet.write();
      written += 1;
    }
  }, 20);
  return () => clearInterval(timer);
}

/**
 * Runs the whole scenario once and reconciles it.
 *
 * @example
 * const result = await runScaleOutBench({ connectionString, redisUrl: 'redis://127.0.0.1:6379' });
 * console.log(formatScaleOutMarkdown(result));
 */
export async function runScaleOutBench(options: ScaleOutOptions): Promise<ScaleOutResult> {
  const clients = options.clients ?? 20;
  const ratePerSecond = options.ratePerSecond ?? 50;
  const trafficSeconds = Math.max(options.trafficSeconds ?? 60, 60);
  const schema = `rapport_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: options.connectionString });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  let redis: RedisProxy | undefined;
  let proxy: RoundRobinProxy | undefined;
  let fleet: Fleet | undefined;
  let cleaned: Promise<void> | undefined;
  const cleanup = () => {
    cleaned ??= (async () => {
      fleet?.destroy();
      killAllInstances();
      await proxy?.close();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
      await admin.end();
    })();
    return cleaned;
  };
  // Ctrl-C stops every process this bench started (by PID) and drops the schema.
  const onInterrupt = () => {
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onInterrupt);
  try {
    await seed(options.connectionString, schema);
    const redisTarget = new URL(options.redisUrl);
    redis = await startRedisProxy(redisTarget.hostname, Number(redisTarget.port || 6379));
    const env = instanceEnv(options.connectionString, schema, redis.port);
    let [a, b] = await Promise.all([startInstance(env), startInstance(env)]);
    const live = await createRoundRobinProxy([a.port, b.port]);
    proxy = live;
    fleet = createFleet(PROJECT.key, live.url, clients);

    const timeline: { at: number; what: string }[] = [];
    const t0 = performance.now();
    const now = () => (performance.now() - t0) / 1000;
    const note = (what: string) => timeline.push({ at: now(), what });
    const until = (seconds: number) => sleep(Math.max(0, t0 + seconds * 1000 - performance.now()));
    const probes: Promise<IpProbe>[] = [];
    // Three times the limit: even fully per-instance counters (twice the limit) end in 429s.
    const probe = (ip: string, label: string) =>
      probes.push(probeIpLimit(live.url, PROJECT.key, ip, label, IP_LIMIT * 3, 8));
    const instances: [Instance | Promise<Instance>, Instance | Promise<Instance>] = [a, b];
    // Not awaited: the next fault keeps its time however long a cold start takes.
    const restart = (index: 0 | 1, name: string) => {
      note(`restarting ${name}`);
      instances[index] = startInstance(env).then((next) => {
        live.setUpstream(index, next.port);
        note(`${name} serving again`);
        return next;
      });
    };

    const stopStream = steadyStream(fleet, ratePerSecond);
    const redeems = startRedeems({
      proxyUrl: live.url,
      key: PROJECT.key,
      userId: MEMBER.userId,
      userHash: userHashOf(PROJECT.secret, MEMBER.userId),
      rewardId: MEMBER.rewardId,
      everyMs: 1_000,
      concurrent: 2,
    });
    note('traffic and redeems started');
    await until(3);
    probe('10.8.0.1', 'both up, Redis up (3 s)');
    await until(15);
    note(`A SIGKILL → ${await stopInstance(a, 'SIGKILL')}`);
    await until(25);
    restart(0, 'A');
    await until(35);
    note('B SIGTERM');
    note(`B exited ${await stopInstance(b, 'SIGTERM')}`);
    await until(40);
    restart(1, 'B');
    await until(45);
    await redis.cut();
    note('Redis cut');
    await until(45.5);
    probe('10.8.0.2', 'Redis cut (45.5 s)');
    await until(50);
    await redis.restore();
    note('Redis restored');
    await until(54);
    probe('10.8.0.3', 'Redis back (54 s)');
    await until(trafficSeconds);
    stopStream();
    note('traffic stopped');
    const redeemTally = await redeems.stop();
    const drainMs = await fleet.drain(60_000);
    note(drainMs === undefined ? 'outboxes NOT drained' : 'outboxes drained');
    const settledProbes = await Promise.all(probes);
    const messages = await reconcileMessages(admin, schema, PROJECT.id, fleet.clients);
    const redeemCheck = await reconcileRedeems(
      admin,
      schema,
      PROJECT.id,
      MEMBER.userId,
      MEMBER.balance,
      redeemTally.won,
    );
    const at = (what: string) => timeline.find((e) => e.what.startsWith(what))?.at ?? 0;
    const round = (n: number) => Math.round(n * 10) / 10;
    const phases = [
      { name: 'both up', from: 0, to: 15 },
      { name: 'A killed, until it serves again', from: 15, to: round(at('A serving')) },
      { name: 'both up', from: round(at('A serving')), to: 35 },
      // A cold start past 45 s runs on into the Redis cut; that phase starts at 45 s anyway.
      {
        name: 'B stopped, until it serves again',
        from: 35,
        to: Math.min(45, round(at('B serving'))),
      },
      { name: 'both up', from: round(at('B serving')), to: 45 },
      { name: 'Redis cut', from: 45, to: 50 },
      { name: 'Redis back', from: 50, to: trafficSeconds },
      { name: 'drain', from: trafficSeconds, to: round(now()) + 1 },
    ].filter((phase) => phase.to > phase.from);
    [a, b] = await Promise.all(instances);
    await Promise.all([stopInstance(a, 'SIGTERM'), stopInstance(b, 'SIGTERM')]);
    return {
      date: new Date().toISOString().slice(0, 10),
      clients,
      trafficSeconds,
      targetPerSecond: ratePerSecond,
      timeline,
      phases,
      samples: live.samples,
      t0,
      tally: fleet.tally,
      drainMs,
      messages,
      redeemTally,
      redeems: redeemCheck,
      probes: settledProbes,
      redisNotes: redisNotes.map((n) => ({ ...n, at: (n.at - t0) / 1000 })),
      ipLimit: IP_LIMIT,
    };
  } finally {
    await cleanup();
    process.off('SIGINT', onInterrupt);
  }
}

async function main() {
  const connectionString = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!connectionString) {
    process.stderr.write('scale-out bench: set TEST_DATABASE_URL or DATABASE_URL (PostgreSQL)\n');
    process.exit(2);
  }
  const result = await runScaleOutBench({
    connectionString,
    redisUrl: process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    clients: Number(process.env.SCALE_OUT_CLIENTS ?? 20),
    ratePerSecond: Number(process.env.SCALE_OUT_RATE ?? 50),
    trafficSeconds: Number(process.env.SCALE_OUT_SECONDS ?? 60),
  });
  process.stdout.write(`${formatScaleOutMarkdown(result)}\n`);
  const { messages: m, redeems: r } = result;
  const held =
    m.missing === 0 &&
    m.storedTwice === 0 &&
    m.stillPending === 0 &&
    r.charged <= r.initialBalance &&
    r.wonButMissing === 0;
  process.exitCode = held ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}

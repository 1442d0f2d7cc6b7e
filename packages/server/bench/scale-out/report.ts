import type { RedisNote } from './instances';
import type { IpProbe, RedeemTally } from './probes';
import type { Reconciliation, RedeemCheck } from './reconcile';
import type { ProxySample } from './round-robin-proxy';
import type { TransportTally } from './sdk-fleet';

/** A stretch of the run with one fault (or none), in seconds after the traffic started. */
export interface Phase {
  name: string;
  from: number;
  to: number;
}

/** Everything the bench measured, for the report. */
export interface ScaleOutResult {
  date: string;
  clients: number;
  trafficSeconds: number;
  targetPerSecond: number;
  /** What actually happened when, in seconds after the traffic started. */
  timeline: { at: number; what: string }[];
  phases: Phase[];
  samples: ProxySample[];
  t0: number;
  tally: TransportTally;
  drainMs: number | undefined;
  messages: Reconciliation;
  redeemTally: RedeemTally;
  redeems: RedeemCheck;
  probes: IpProbe[];
  /** What the instances logged about Redis, `at` in seconds after the traffic started. */
  redisNotes: RedisNote[];
  ipLimit: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

/** The kind of a request's ending, for the error table. */
function kindOf(sample: ProxySample): string {
  if (sample.outcome === 'unreachable') return '502 (instance unreachable)';
  if (sample.outcome === 'cut') return 'cut mid-answer';
  if (sample.status >= 200 && sample.status < 300) return '2xx';
  return String(sample.status);
}

const KINDS = ['2xx', '502 (instance unreachable)', 'cut mid-answer', '503', '429'];

function phaseTable(result: ScaleOutResult): string {
  const rows = result.phases.map((phase) => {
    // The SDK clients' requests and the redeems; the probes have a table of their own.
    const inPhase = result.samples.filter((s) => {
      const at = (s.at - result.t0) / 1000;
      return at >= phase.from && at < phase.to && !s.client?.startsWith('10.8.');
    });
    const counts = new Map<string, number>();
    for (const sample of inPhase) {
      const kind = kindOf(sample);
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    const others = [...counts].filter(([kind]) => !KINDS.includes(kind));
    const batchMs = inPhase
      .filter((s) => s.path.startsWith('/v1/batch') && s.outcome === 'answered')
      .map((s) => s.ms)
      .sort((a, b) => a - b);
    const fallbacks = result.redisNotes.filter(
      (n) => n.msg.startsWith('redis is not') && n.at >= phase.from && n.at < phase.to,
    ).length;
    return `| ${phase.name} | ${phase.from}–${phase.to} s | ${inPhase.length} | ${KINDS.map(
      (kind) => counts.get(kind) ?? 0,
    ).join(' | ')} | ${others.map(([k, n]) => `${k}: ${n}`).join(', ') || '—'} | ${Math.round(
      percentile(batchMs, 50),
    )} | ${Math.round(percentile(batchMs, 99))} | ${fallbacks} |`;
  });
  return [
    `| phase | seconds | SDK + redeem requests | ${KINDS.join(' | ')} | other | batch p50 ms | batch p99 ms | Redis → memory |`,
    `| --- | --- | ---: | ${KINDS.map(() => '---:').join(' | ')} | --- | ---: | ---: | ---: |`,
    ...rows,
  ].join('\n');
}

/** The run as markdown: totals, phases, reconciliation, redeems and rate-limit probes. */
export function formatScaleOutMarkdown(result: ScaleOutResult): string {
  const batches = result.samples.filter((s) => s.path.startsWith('/v1/batch'));
  const answered = batches
    .filter((s) => s.outcome === 'answered')
    .map((s) => s.ms)
    .sort((a, b) => a - b);
  const all = result.samples.map((s) => s.ms).sort((a, b) => a - b);
  const m = result.messages;
  const r = result.redeems;
  const t = result.redeemTally;
  const statuses = [...result.tally.byStatus]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status}: ${n}`)
    .join(', ');
  const lines = [
    `Scale-out under faults, ${result.date}: ${result.clients} SDK clients, target ${result.targetPerSecond} messages/s for ${result.trafficSeconds} s.`,
    '',
    `- Timeline: ${result.timeline.map((e) => `${e.at.toFixed(1)} s ${e.what}`).join('; ')}.`,
    `- Acknowledged ${m.acknowledged} of ${m.written} messages written = ${(
      m.acknowledged / result.trafficSeconds
    ).toFixed(1)} messages/s; outboxes drained ${
      result.drainMs === undefined
        ? 'NOT within the bound'
        : `${result.drainMs} ms after the traffic stopped`
    }.`,
    `- Latency at the proxy: POST /v1/batch answered p50 ${percentile(answered, 50).toFixed(
      1,
    )} ms, p99 ${percentile(answered, 99).toFixed(1)} ms (${answered.length} of ${
      batches.length
    } batch requests answered by an instance); every request p50 ${percentile(all, 50).toFixed(
      1,
    )} ms, p99 ${percentile(all, 99).toFixed(1)} ms.`,
    `- The SDKs' transport saw: ${statuses}; network failures ${result.tally.network}.`,
    '',
    phaseTable(result),
    '',
    '| reconciliation | count |',
    '| --- | ---: |',
    `| written into outboxes | ${m.written} |`,
    `| acknowledged to an SDK | ${m.acknowledged} |`,
    `| acknowledged and stored exactly once | ${m.storedOnce} |`,
    `| acknowledged but missing | ${m.missing} |`,
    `| stored twice | ${m.storedTwice} |`,
    `| stored but never acknowledged | ${m.storedUnacknowledged} |`,
    `| still pending after the drain | ${m.stillPending} |`,
    `| given up by an SDK | ${
      Object.entries(m.gaveUp)
        .map(([k, n]) => `${k}: ${n}`)
        .join(', ') || 0
    } |`,
    '',
    `Redeems (cost ${r.redemptions ? r.charged / r.redemptions : '—'} each, balance ${r.initialBalance}): ${t.attempts} attempted, ${t.won.size} won (${t.replayed} found by retrying after a lost answer), ${t.refused} refused 409, ${t.gaveUp} given up, other ${JSON.stringify(t.other)}, ${t.retriedTries} tries retried; stored ${r.redemptions} charging ${r.charged} ≤ ${r.initialBalance}: ${r.charged <= r.initialBalance ? 'held' : 'OVERSPENT'}; final balance ${r.finalBalance} (= ${r.initialBalance} − ${r.charged}: ${r.finalBalance === r.initialBalance - r.charged ? 'yes' : 'NO'}); won but not stored ${r.wonButMissing}; stored but never answered 200 ${r.storedNotWon}.`,
    '',
    `| per-IP probe (limit ${result.ipLimit}/min, alternating instances) | 200 | 429 | other |`,
    '| --- | ---: | ---: | --- |',
    ...result.probes.map((p) => {
      const { 200: ok = 0, 429: limited = 0, ...rest } = p.statuses;
      return `| ${p.label} | ${ok} | ${limited} | ${JSON.stringify(rest)} |`;
    }),
    '',
    `"Redis → memory" counts the instances' log lines "redis is not answering; rate limits are per instance until it does" (a Redis count slower than 50 ms, or refused); each is followed within ~1 s by "redis answers again" unless Redis is really gone. In all: ${
      result.redisNotes.filter((n) => n.msg.startsWith('redis is not')).length
    } fallbacks, ${result.redisNotes.filter((n) => n.msg.startsWith('redis answers')).length} recoveries.`,
  ];
  return lines.join('\n');
}

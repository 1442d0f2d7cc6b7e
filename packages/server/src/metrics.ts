import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Store } from './store';
import type { AttemptKind } from './webhooks/send-attempt';

/** Which rate limit refused a request (the `limit` label). */
export type RateLimitKind = 'ip' | 'admin' | 'publishable_key' | 'sign_in_account' | 'sign_in_ip';

/** What happened to a message of `POST /v1/batch` (the `outcome` label). */
export type IngestOutcome = 'accepted' | 'duplicate' | 'rejected';

/**
 * What the app records for Prometheus. Every label value comes from a fixed set in this
 * codebase (a route pattern, a status code, a kind) — never a key, hash, id, email or URL.
 */
export interface Metrics {
  readonly registry: Registry;
  /** One answered request: its method, Hono's matched route pattern, status and duration. */
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  /** Messages of batches by outcome. */
  countIngest(outcome: IngestOutcome, count: number): void;
  /** One group-commit statement: the rows it wrote and how many batches it combined. */
  observeStatement(rows: number, batches: number): void;
  /** A request refused by a rate limit. */
  countRefusal(kind: RateLimitKind): void;
}

/** Methods a label may name; anything else (a client may send any token) is `OTHER`. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * Registers Rapport's metrics on `registry` (one per app, so tests and several apps in one
 * process never collide), and, on PostgreSQL, gauges of the store's connection pool read at
 * each scrape.
 *
 * @example
 * const registry = new Registry();
 * collectDefaultMetrics({ register: registry }); // process metrics, in the CLI only
 * const app = createApp({ store, metrics: { registry, token: process.env.METRICS_TOKEN } });
 */
export function createMetrics(registry: Registry, store: Store): Metrics {
  const registers = [registry];
  const requests = new Counter({
    name: 'rapport_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers,
  });
  const durations = new Histogram({
    name: 'rapport_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const messages = new Counter({
    name: 'rapport_ingest_messages_total',
    help: 'Messages received in POST /v1/batch, by outcome.',
    labelNames: ['outcome'] as const,
    registers,
  });
  const statementRows = new Histogram({
    name: 'rapport_ingest_statement_rows',
    help: 'Rows written by one group-commit ingest statement.',
    buckets: [1, 10, 50, 100, 250, 500, 1000, 2000],
    registers,
  });
  const statementBatches = new Histogram({
    name: 'rapport_ingest_statement_batches',
    help: 'Batches (requests) combined into one group-commit ingest statement.',
    buckets: [1, 2, 4, 8, 16, 32, 64],
    registers,
  });
  const refusals = new Counter({
    name: 'rapport_rate_limit_refusals_total',
    help: 'Requests refused with 429, by the limit that refused them.',
    labelNames: ['limit'] as const,
    registers,
  });
  const { poolStats } = store;
  if (poolStats) {
    new Gauge({
      name: 'rapport_db_pool_in_use',
      help: 'PostgreSQL connections checked out of the pool.',
      registers,
      collect() {
        const stats = poolStats();
        this.set(stats.total - stats.idle);
      },
    });
    new Gauge({
      name: 'rapport_db_pool_waiting',
      help: 'Queries waiting for a PostgreSQL connection.',
      registers,
      collect() {
        this.set(poolStats().waiting);
      },
    });
  }
  return {
    registry,
    observeRequest(method, route, status, seconds) {
      const labels = { method: METHODS.has(method) ? method : 'OTHER', route, status };
      requests.inc(labels);
      durations.observe(labels, seconds);
    },
    countIngest(outcome, count) {
      if (count > 0) messages.inc({ outcome }, count);
    },
    observeStatement(rows, batches) {
      statementRows.observe(rows);
      statementBatches.observe(batches);
    },
    countRefusal(kind) {
      refusals.inc({ limit: kind });
    },
  };
}

/** What the webhook worker records for Prometheus (see {@link createWebhookMetrics}). */
export interface WebhookMetrics {
  /** One delivery attempt: how it ended and how long it took. */
  observeAttempt(outcome: AttemptKind, seconds: number): void;
  /** An endpoint disabled after failing for days. */
  countDisabled(): void;
}

/**
 * Registers the webhook worker's metrics on `registry`: attempts by outcome with their
 * durations, and endpoints disabled. The labels name outcomes only, never an endpoint or URL.
 *
 * @example
 * const worker = startWebhookWorker({ store, logger, metrics: createWebhookMetrics(registry) });
 */
export function createWebhookMetrics(registry: Registry): WebhookMetrics {
  const registers = [registry];
  const attempts = new Counter({
    name: 'rapport_webhook_attempts_total',
    help: 'Webhook delivery attempts, by outcome (delivered, rejected, timeout, refused, unreachable).',
    labelNames: ['outcome'] as const,
    registers,
  });
  const durations = new Histogram({
    name: 'rapport_webhook_attempt_duration_seconds',
    help: 'Time one webhook delivery attempt took, by outcome.',
    labelNames: ['outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const disabled = new Counter({
    name: 'rapport_webhook_endpoints_disabled_total',
    help: 'Webhook endpoints disabled after every attempt failed for days.',
    registers,
  });
  return {
    observeAttempt(outcome, seconds) {
      attempts.inc({ outcome });
      durations.observe({ outcome }, seconds);
    },
    countDisabled() {
      disabled.inc();
    },
  };
}

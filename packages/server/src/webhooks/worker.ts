import { type Clock, DAY_MS, systemClock } from '../clock';
import type { Logger } from '../logger';
import type { WebhookMetrics } from '../metrics';
import type { Store } from '../store';
import { nextAttemptDelay, RETRY_DELAYS_MS } from './backoff';
import {
  type ClaimedDelivery,
  claimDue,
  pruneDeliveryLog,
  recordOutcome,
  releaseClaim,
} from './claims';
import { postWebhook } from './send-attempt';
import { signatureHeader } from './signature';
import { type SlackContext, slackMessage } from './slack-message';

/** Options for {@link createWebhookSender} and {@link startWebhookWorker}. */
export interface WebhookWorkerOptions {
  store: Store;
  logger: Logger;
  /** @default () => new Date() */
  clock?: Clock;
  /**
   * Send to loopback, private and link-local addresses too (`RAPPORT_WEBHOOKS_ALLOW_PRIVATE=1`).
   * Off, a host that is or resolves to one is refused, as a guard against SSRF.
   * @default false
   */
  allowPrivateDestinations?: boolean;
  /**
   * Longest one attempt may take (connect, answer, excerpt) before it fails as timed out.
   * @default 10_000
   */
  timeoutMs?: number;
  /**
   * Deliveries claimed and sent at once by one pass.
   * @default 20
   */
  batchSize?: number;
  /**
   * Waits after each failed attempt; one more attempt than entries in all.
   * @default RETRY_DELAYS_MS (5 s, 1 min, 5 min, 30 min, 2 h, 5 h, 14 h: 8 attempts)
   */
  retryDelaysMs?: readonly number[];
  /**
   * An endpoint whose every attempt failed for this long is disabled.
   * @default 5 days
   */
  disableAfterMs?: number;
  /**
   * Delivered and failed deliveries are deleted from the log this long after they were
   * queued (checked hourly by {@link startWebhookWorker}); pending ones are kept.
   * @default 30
   */
  logRetentionDays?: number;
  /** Counts attempts by outcome for Prometheus (see `createWebhookMetrics`). */
  metrics?: WebhookMetrics;
  /**
   * The console's address, `https://rapport.example.com/console/`, for the links in Slack
   * messages (`rapport start` takes it from `RAPPORT_PUBLIC_URL`). Without it they have none.
   */
  consoleUrl?: string;
}

/** One pass of delivery, for the worker's loop and for tests that step a clock. */
export interface WebhookSender {
  /** Claims the due deliveries, sends them and records the outcomes; resolves with how many. */
  deliverDue(): Promise<number>;
  /** Deletes the log entries past `logRetentionDays`; stops between statements on abort. */
  pruneLog(): Promise<number>;
  /** Aborts the attempts in flight (and a prune); their claims are given back untried. */
  abort(): void;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * The body sent, the same bytes on every attempt: `{ type, timestamp, data }`, or for a slack
 * endpoint the message `{ text }`.
 */
function bodyOf(claim: ClaimedDelivery, context: SlackContext): string {
  if (claim.format === 'slack') {
    const data = (claim.data ?? {}) as Record<string, unknown>;
    return JSON.stringify(
      slackMessage({ type: claim.type, projectId: claim.projectId, data }, context),
    );
  }
  return JSON.stringify({
    type: claim.type,
    timestamp: claim.occurredAt.toISOString(),
    data: claim.data,
  });
}

/**
 * Builds the delivery pass without starting anything (see {@link startWebhookWorker}). Each
 * attempt is signed at send time with the attempt's own `webhook-timestamp`.
 */
export function createWebhookSender(options: WebhookWorkerOptions): WebhookSender {
  const { db } = options.store;
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const batchSize = options.batchSize ?? 20;
  const delays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  const disableAfterMs = options.disableAfterMs ?? 5 * DAY_MS;
  // Longer than any attempt, so a live worker always records before anyone may claim again.
  const leaseMs = timeoutMs + 30_000;
  const slack: SlackContext = { consoleUrl: options.consoleUrl };
  let controller = new AbortController();

  async function attempt(claim: ClaimedDelivery, signal: AbortSignal) {
    const body = bodyOf(claim, slack);
    const timestamp = Math.floor(clock().getTime() / 1000);
    const startedAt = performance.now();
    let outcome: Awaited<ReturnType<typeof postWebhook>>;
    try {
      outcome = await postWebhook({
        url: claim.url,
        body,
        timeoutMs,
        allowPrivate: options.allowPrivateDestinations === true,
        signal,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Rapport-Webhooks/1',
          'webhook-id': claim.id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signatureHeader(claim.secrets, claim.id, timestamp, body),
        },
      });
    } catch {
      await releaseClaim(db, claim, clock());
      return;
    }
    options.metrics?.observeAttempt(outcome.kind, (performance.now() - startedAt) / 1000);
    const now = clock();
    const delay = outcome.ok ? undefined : nextAttemptDelay(claim.attempt, delays);
    const retryAt = delay === undefined ? undefined : new Date(now.getTime() + delay);
    const verdict = await recordOutcome(db, claim, outcome, { now, retryAt, disableAfterMs });
    // Ids and codes only: an endpoint URL may carry a token, and the body is personal data.
    const facts = {
      deliveryId: claim.id,
      endpointId: claim.endpointId,
      attempt: claim.attempt,
      status: outcome.statusCode,
      error: outcome.error,
    };
    if (!outcome.ok) options.logger.info('webhook attempt failed', { ...facts, retryAt });
    if (verdict.disabled) {
      options.metrics?.countDisabled();
      options.logger.warn('webhook endpoint disabled after failing for days', facts);
    }
  }

  return {
    async deliverDue() {
      const now = clock();
      const leaseUntil = new Date(now.getTime() + leaseMs);
      const claims = await claimDue(db, { now, leaseUntil, limit: batchSize });
      const { signal } = controller;
      await Promise.all(
        claims.map((claim) =>
          attempt(claim, signal).catch((error: unknown) => {
            options.logger.error('recording a webhook attempt failed', {
              deliveryId: claim.id,
              error: describe(error),
            });
          }),
        ),
      );
      return claims.length;
    },
    pruneLog() {
      const days = options.logRetentionDays ?? 30;
      return pruneDeliveryLog(db, new Date(clock().getTime() - days * DAY_MS), controller.signal);
    },
    abort() {
      controller.abort();
      controller = new AbortController();
    },
  };
}

/** How often a running worker prunes the delivery log. */
const PRUNE_EVERY_MS = 3_600_000;

/** Options for {@link startWebhookWorker}. */
export interface StartWebhookWorkerOptions extends WebhookWorkerOptions {
  /**
   * Between two passes that found less than a full batch.
   * @default 500
   */
  pollIntervalMs?: number;
}

/** A running webhook worker. */
export interface WebhookWorker {
  /** Stops polling, aborts attempts in flight (giving their claims back) and resolves after. */
  stop(): Promise<void>;
}

/**
 * Starts delivering webhooks from this process: a pass every `pollIntervalMs` (at once again
 * after a full batch). Any number of processes may run one on the same PostgreSQL; claims
 * keep them from sending one attempt twice. A failed pass (the database away) is logged and
 * the next one happens on schedule. The timer does not keep the process alive.
 *
 * @example
 * const worker = startWebhookWorker({ store, logger });
 * process.once('SIGTERM', async () => { await worker.stop(); await store.close(); });
 */
export function startWebhookWorker(options: StartWebhookWorkerOptions): WebhookWorker {
  const pollIntervalMs = options.pollIntervalMs ?? 500;
  const batchSize = options.batchSize ?? 20;
  const delivery = createWebhookSender(options);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let prunedAt = 0;

  /** One pass, and the log's pruning when an hour has passed since the last. */
  async function pass(): Promise<number> {
    const count = await delivery.deliverDue();
    if (Date.now() - prunedAt >= PRUNE_EVERY_MS) {
      prunedAt = Date.now();
      await delivery.pruneLog();
    }
    return count;
  }

  function schedule(delayMs: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      running = pass().then(
        (count) => {
          running = undefined;
          schedule(count >= batchSize ? 0 : pollIntervalMs);
        },
        (error: unknown) => {
          running = undefined;
          options.logger.error('webhook delivery pass failed; retrying', {
            error: describe(error),
          });
          schedule(pollIntervalMs);
        },
      );
    }, delayMs);
    timer.unref();
  }

  schedule(0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      delivery.abort();
      await running;
    },
  };
}

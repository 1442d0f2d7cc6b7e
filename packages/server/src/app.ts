import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import type { Registry } from 'prom-client';
import type { AppDeps, AppEnv } from './app-env';
import { type Clock, systemClock } from './clock';
import { classifyDatabaseError } from './database-errors';
import { ApiError, isApiError } from './errors';
import { createIngestQueue } from './ingest-queue';
import { type LimitsOptions, type RateWindow, resolveLimits } from './limits';
import { createJsonLogger, type Logger } from './logger';
import { createMetrics, type RateLimitKind } from './metrics';
import { accessLog } from './middleware/access-log';
import { httpMetrics } from './middleware/http-metrics';
import { refuseNulInUrl } from './middleware/refuse-nul-in-url';
import { type ConsoleOptions, createConsoleDeps } from './people/console-options';
import { createProjectCache } from './project-cache';
import { countRefusals, createConsumer } from './rate-limiter';
import { adminApi } from './routes/admin';
import { consoleApi } from './routes/console';
import { emailUnsubscribeRoutes } from './routes/email-unsubscribe';
import { healthRoutes } from './routes/health';
import { metricsRoutes } from './routes/metrics';
import { noRouteError } from './routes/no-route';
import { publicApi } from './routes/public';
import { readyRoutes } from './routes/ready';
import type { Store } from './store';

/** Options for {@link createApp}; the console's (publicUrl, cookieSecure, setupToken, …) in {@link ConsoleOptions}. */
export interface AppOptions extends ConsoleOptions {
  /** Where data lives: `createPgliteStore()` or `createPostgresStore()`, already migrated. */
  store: Store;
  /**
   * Where the app reads the time (survey recontact, timestamps).
   * @default () => new Date()
   */
  clock?: Clock;
  /**
   * Body size and rate limits; see {@link LimitsOptions}.
   * @default {} (64 KiB bodies, 600 req/min per IP, 60,000 per publishable key, 6,000 per secret key, in memory)
   */
  limits?: LimitsOptions;
  /**
   * Structured logger; secrets and user hashes are never passed to it.
   * @default createJsonLogger() (JSON lines on stdout)
   */
  logger?: Logger;
  /**
   * Longest `GET /ready` waits for the database before answering 503.
   * @default 1_500
   */
  readyTimeoutMs?: number;
  /**
   * Prometheus metrics: requests by route pattern and status, ingest outcomes, group-commit
   * sizes, pool use (PostgreSQL) and rate-limit refusals, registered on `registry` (one per
   * app; add `collectDefaultMetrics({ register: registry })` for process metrics). With
   * `token`, `GET /metrics` is served by this app to `Authorization: Bearer <token>` only;
   * without, it is not served here (serve `metricsApp(registry)` on a port of its own).
   * @default undefined (nothing recorded, `/metrics` is 404)
   */
  metrics?: { registry: Registry; token?: string };
  /**
   * Webhook endpoints: `allowPrivateDestinations` accepts URLs naming loopback, private or
   * link-local addresses (give the worker, `startWebhookWorker`, the same setting).
   * @default { allowPrivateDestinations: false }
   */
  webhooks?: { allowPrivateDestinations?: boolean };
}

/** Longest caller-given `X-Request-Id` kept; a longer one is replaced by a UUID. */
const MAX_REQUEST_ID_LENGTH = 128;

/** An error's name and message for the log (never its parameters). */
function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Maps any failure to `{ error: { code, message } }` — the one exit for errors. */
function toErrorResponse(error: unknown, logger: Logger, requestId: string | undefined) {
  if (isApiError(error)) return error;
  const failure = classifyDatabaseError(error);
  const state = (error as { code?: unknown } | null)?.code;
  if (failure === 'conflict') {
    // A race the checks above the database could not see (the same id from two users at
    // once): the request conflicts with stored data, which is a 409, not a fault of ours.
    logger.warn('conflict from the database', { requestId, state });
    return new ApiError(409, 'conflict', 'This conflicts with a concurrent change.');
  }
  if (failure === 'invalid') {
    logger.warn('value rejected by the database', { requestId, state });
    return new ApiError(400, 'invalid_body', 'A value is out of range or not storable.');
  }
  if (failure === 'retry') {
    logger.warn('transient database failure', { requestId, state });
    return new ApiError(503, 'unavailable', 'A concurrent change got in the way; retry.', {
      headers: { 'Retry-After': '1' },
    });
  }
  if (failure === 'unavailable') {
    // Nothing was acknowledged, so the SDK keeps the batch and retries: exactly-once holds.
    logger.error('database unavailable', { requestId, state, error: describe(error) });
    return new ApiError(503, 'unavailable', 'The database is unavailable; retry shortly.', {
      headers: { 'Retry-After': '5' },
    });
  }
  if (error instanceof HTTPException && error.status < 500) {
    return new ApiError(
      error.status === 413 ? 413 : 400,
      error.status === 413 ? 'payload_too_large' : 'invalid_body',
      error.message || 'Bad request.',
    );
  }
  logger.error('unhandled error', {
    requestId,
    error: describe(error),
    stack: error instanceof Error ? error.stack : undefined,
  });
  return new ApiError(500, 'internal', 'Something went wrong on our side; it was logged.');
}

/**
 * Builds the Rapport HTTP API as a Hono app. It reads no environment, opens no port and starts
 * no timer: call `app.request()` in tests, or serve `app.fetch` (the `rapport` CLI does).
 *
 * @example
 * const store = await createPgliteStore();
 * await migrate(store);
 * const app = createApp({ store });
 * const res = await app.request('/health'); // 200 { ok: true }
 */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createJsonLogger();
  const limits = resolveLimits(options.limits);
  const metrics = options.metrics && createMetrics(options.metrics.registry, options.store);
  const refused = (kind: RateLimitKind) => metrics && (() => metrics.countRefusal(kind));
  const consumer = (window: RateWindow | false, suffix: string, kind: RateLimitKind) =>
    countRefusals(
      createConsumer(window, `${limits.keyPrefix}:${suffix}`, limits, logger),
      refused(kind),
    );
  const deps: AppDeps = {
    store: options.store,
    clock,
    logger,
    limits,
    projects: createProjectCache(options.store, clock),
    ingest: createIngestQueue(options.store.db, { onStatement: metrics?.observeStatement }),
    perKey: consumer(limits.perKey, 'key', 'admin'),
    perIp: consumer(limits.perIp, 'ip', 'ip'),
    // Same key prefix as the secret keys': buckets are `pk:<project>` and `sk:<project>`.
    perPublishableKey: consumer(limits.perPublishableKey, 'key', 'publishable_key'),
    metrics,
    console: createConsoleDeps(options, limits, logger, metrics),
    readyTimeoutMs: options.readyTimeoutMs,
  };
  const app = new Hono<AppEnv>();
  if (metrics) app.use(httpMetrics(metrics));
  // A caller's X-Request-Id is kept when short and plain ([A-Za-z0-9_=-], ≤ 128), so logs stay clean.
  app.use(requestId({ limitLength: MAX_REQUEST_ID_LENGTH }), accessLog(logger), refuseNulInUrl());
  app.route('/', healthRoutes());
  app.route('/', readyRoutes(deps, deps.readyTimeoutMs));
  // The admin and console APIs come before the public one and end in their own 404: the
  // public API's middleware covers `/v1/*`, and must never run for their requests.
  const allowPrivateDestinations = options.webhooks?.allowPrivateDestinations === true;
  app.route('/v1/admin', adminApi(deps, { allowPrivateDestinations }));
  app.route('/v1/console', consoleApi(deps));
  // Unsubscribe links from emails: no key, the link's token is the proof.
  app.route('/v1/email', emailUnsubscribeRoutes(deps));
  app.route('/v1', publicApi(deps));
  if (metrics && options.metrics?.token) {
    app.route('/', metricsRoutes(metrics.registry, options.metrics.token));
  }
  app.notFound((c) => c.json(noRouteError(c).toBody(), 404));
  app.onError((error, c) => {
    const apiError = toErrorResponse(error, logger, c.get('requestId'));
    for (const [name, value] of Object.entries(apiError.headers)) c.header(name, value);
    return c.json(apiError.toBody(), apiError.status);
  });
  return app;
}

import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { ApiError } from '../errors';
import { migrationNames, pendingMigrations } from '../store/migrate';

/**
 * Longest `/ready` waits for the database. A load balancer's probe typically times out after
 * 2–5 s; answering 503 before that tells it "not ready" instead of "no answer", and a probe
 * never holds a connection for the 5 s a PostgreSQL connect may take.
 */
export const READY_TIMEOUT_MS = 1_500;

class ReadinessTimeoutError extends Error {
  override readonly name = 'ReadinessTimeoutError' as const;
}

/** Settles like `promise`, or rejects after `ms`; a late outcome is dropped. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ReadinessTimeoutError()), ms);
  });
  promise.catch(() => {});
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function notReady(message: string): ApiError {
  return new ApiError(503, 'unavailable', message, { headers: { 'Retry-After': '5' } });
}

/**
 * `GET /ready` → 200 `{ ok: true }` when the database answers within {@link READY_TIMEOUT_MS}
 * and every migration this build ships is applied; 503 `unavailable` with `Retry-After`
 * otherwise. `/health` stays the cheap liveness check that touches nothing.
 */
export function readyRoutes(deps: AppDeps, timeoutMs = READY_TIMEOUT_MS): Hono<AppEnv> {
  // Read on the first probe, not in createApp, which touches nothing; the files of a running
  // build do not change.
  let shipped: Promise<string[]> | undefined;
  return new Hono<AppEnv>().get('/ready', async (c) => {
    shipped ??= migrationNames();
    let pending: string[];
    try {
      pending = await within(pendingMigrations(deps.store, shipped), timeoutMs);
    } catch (error) {
      const slow = error instanceof ReadinessTimeoutError;
      deps.logger.warn('not ready: the database does not answer', {
        requestId: c.get('requestId'),
        why: slow ? `no answer within ${timeoutMs} ms` : (error as Error | null)?.name,
      });
      throw notReady(
        slow
          ? `The database did not answer within ${timeoutMs} ms.`
          : 'The database is unavailable.',
      );
    }
    if (pending.length > 0) {
      throw notReady(
        `${pending.length} migration(s) not applied (${pending.slice(0, 5).join(', ')}); run rapport migrate.`,
      );
    }
    return c.json({ ok: true });
  });
}

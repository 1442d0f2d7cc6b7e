import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { AppEnv } from '../app-env';
import type { Metrics } from '../metrics';

/**
 * The pattern of the route that answers, e.g. `/v1/admin/feedback/:id`: the handler the
 * request reached, or, when a middleware (registered as `ALL`) answered first — a 401, a
 * 429 — the first handler it was heading for. Never the request's own path, which holds ids;
 * `unmatched` when no handler has this path (a 404).
 */
function routePatternOf(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string {
  const routes = matchedRoutes(c);
  const reached = routes[c.req.routeIndex];
  if (reached && reached.method !== 'ALL') return reached.path;
  return routes.find((route) => route.method !== 'ALL')?.path ?? 'unmatched';
}

/** Records every answered request in {@link Metrics.observeRequest}. */
export function httpMetrics(metrics: Metrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const seconds = (performance.now() - started) / 1000;
      metrics.observeRequest(c.req.method, routePatternOf(c), c.res.status, seconds);
    }
  };
}

import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { Registry } from 'prom-client';
import { isApiError, NotFoundError, UnauthorizedError } from '../errors';

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * `GET /metrics` in the Prometheus text format. With a `token`, only to
 * `Authorization: Bearer <token>` (401 otherwise); the comparison is of SHA-256 digests in
 * constant time, so neither the token's bytes nor its length leak through timing.
 */
export function metricsRoutes(registry: Registry, token?: string): Hono {
  const expected = token === undefined ? undefined : sha256(token);
  return new Hono().get('/metrics', async (c) => {
    if (expected) {
      const given = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
      if (!timingSafeEqual(sha256(given), expected)) {
        throw new UnauthorizedError('Send Authorization: Bearer <RAPPORT_METRICS_TOKEN>.');
      }
    }
    return c.body(await registry.metrics(), 200, { 'Content-Type': registry.contentType });
  });
}

/**
 * `/metrics` alone, for a port of its own (`RAPPORT_METRICS_PORT`): anything else is 404, and
 * a refusal has the usual `{ error: { code, message } }` shape.
 */
export function metricsApp(registry: Registry, token?: string): Hono {
  const app = new Hono().route('/', metricsRoutes(registry, token));
  app.notFound((c) => c.json(new NotFoundError('Only /metrics is served here.').toBody(), 404));
  app.onError((error, c) => {
    if (isApiError(error)) return c.json(error.toBody(), error.status);
    throw error;
  });
  return app;
}

import { PROTOCOL_VERSION } from '@rapport/protocol';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';

/** `GET /health` → `{ ok: true, protocol }`. Needs no key: load balancers call it. */
export function healthRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/health', (c) => c.json({ ok: true, protocol: PROTOCOL_VERSION }));
}

import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { batchRoutes } from './batch';
import { configRoutes } from './config';
import { healthRoutes } from './health';
import { inboxRoutes } from './inbox';
import { loyaltyRoutes } from './loyalty';
import { readyRoutes } from './ready';
import { surveyRoutes } from './surveys';

/** Every public route (publishable key; `/health` and `/ready` need none). */
export function publicRoutes(deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .route('/', healthRoutes())
    .route('/', readyRoutes(deps, deps.readyTimeoutMs))
    .route('/', batchRoutes(deps))
    .route('/', configRoutes())
    .route('/', surveyRoutes(deps))
    .route('/', loyaltyRoutes(deps))
    .route('/', inboxRoutes(deps));
}

import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { limitBody } from '../middleware/body-limit';
import { publicAccess } from '../middleware/public-access';
import { publicCors } from '../middleware/public-cors';
import { batchRoutes } from './batch';
import { configRoutes } from './config';
import { inboxRoutes } from './inbox';
import { loyaltyRoutes } from './loyalty';
import { surveyRoutes } from './surveys';

/**
 * The public API, mounted at `/v1`: CORS for the project's allowed origins, then the
 * publishable key and rate limits, then the body limit, then the routes.
 */
export function publicApi(deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .use(publicCors(deps), publicAccess(deps), limitBody(deps.limits.maxBodyBytes))
    .route('/', batchRoutes(deps))
    .route('/', configRoutes())
    .route('/', surveyRoutes(deps))
    .route('/', loyaltyRoutes(deps))
    .route('/', inboxRoutes(deps));
}

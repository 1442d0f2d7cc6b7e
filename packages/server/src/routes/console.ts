import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { limitBody } from '../middleware/body-limit';
import { sessionContext } from '../middleware/session';
import { consoleAccountRoutes } from './console-account';
import { consoleAuthRoutes } from './console-auth';
import { consoleProjectRoutes } from './console-projects';
import { consoleTeamRoutes } from './console-team';
import { noRouteError } from './no-route';

/**
 * The console API, mounted at `/v1/console`: people, sessions, projects, keys, team and audit,
 * for the console's own pages (cookie session, CSRF-checked writes). See the server README.
 * It ends in its own 404, so no request under `/v1/console` falls through to the public API.
 */
export function consoleApi(deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .use(sessionContext(deps), limitBody(deps.limits.maxBodyBytes))
    .route('/', consoleAuthRoutes(deps))
    .route('/', consoleAccountRoutes(deps))
    .route('/', consoleProjectRoutes(deps))
    .route('/', consoleTeamRoutes(deps))
    .all('*', (c) => {
      throw noRouteError(c);
    });
}

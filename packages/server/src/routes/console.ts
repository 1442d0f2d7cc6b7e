import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { consoleAuthRoutes } from './console-auth';
import { consoleProjectRoutes } from './console-projects';
import { consoleTeamRoutes } from './console-team';

/**
 * The console API (`/v1/console/*`): people, sessions, projects, keys, team and audit, for
 * the console's own pages (cookie session, CSRF-checked writes). See the server README.
 */
export function consoleRoutes(deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .route('/', consoleAuthRoutes(deps))
    .route('/', consoleProjectRoutes(deps))
    .route('/', consoleTeamRoutes(deps));
}

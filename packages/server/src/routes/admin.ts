import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { adminSurveyRoutes } from './admin-surveys';

/** Every admin route (secret key, never from a browser). */
export function adminRoutes(deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().route('/', adminSurveyRoutes(deps));
}

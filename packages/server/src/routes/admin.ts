import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { adminAccess } from '../middleware/admin-access';
import { adminRoles } from '../middleware/admin-roles';
import { limitBody } from '../middleware/body-limit';
import { sessionContext } from '../middleware/session';
import { adminCustomerRoutes } from './admin-customers';
import { adminFeedbackRoutes } from './admin-feedback';
import { adminLoyaltyRoutes } from './admin-loyalty';
import { adminNpsRoutes } from './admin-nps';
import { adminServiceReportRoutes } from './admin-service-report';
import { adminSurveyReportRoutes } from './admin-survey-report';
import { adminSurveyRoutes } from './admin-surveys';
import { adminWebhookRoutes, type WebhookRouteOptions } from './admin-webhooks';
import { noRouteError } from './no-route';

/**
 * The admin API, mounted at `/v1/admin`: a secret key from a server, or a teammate's console
 * session (roles apply), then the body limit. It ends in its own 404, so no request under
 * `/v1/admin` falls through to the public API's guard.
 */
export function adminApi(deps: AppDeps, webhooks: WebhookRouteOptions): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .use(sessionContext(deps), adminAccess(deps), adminRoles(), limitBody(deps.limits.maxBodyBytes))
    .route('/', adminFeedbackRoutes(deps))
    .route('/', adminNpsRoutes(deps))
    .route('/', adminSurveyRoutes(deps))
    .route('/', adminSurveyReportRoutes(deps))
    .route('/', adminServiceReportRoutes(deps))
    .route('/', adminLoyaltyRoutes(deps))
    .route('/', adminCustomerRoutes(deps))
    .route('/', adminWebhookRoutes(deps, webhooks))
    .all('*', (c) => {
      throw noRouteError(c);
    });
}

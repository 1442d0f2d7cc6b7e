import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { adminCustomerRoutes } from './admin-customers';
import { adminFeedbackRoutes } from './admin-feedback';
import { adminLoyaltyRoutes } from './admin-loyalty';
import { adminNpsRoutes } from './admin-nps';
import { adminSurveyReportRoutes } from './admin-survey-report';
import { adminSurveyRoutes } from './admin-surveys';

/** Every admin route: a secret key from a server, or a teammate's console session (roles apply). */
export function adminRoutes(deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .route('/', adminFeedbackRoutes(deps))
    .route('/', adminNpsRoutes(deps))
    .route('/', adminSurveyRoutes(deps))
    .route('/', adminSurveyReportRoutes(deps))
    .route('/', adminLoyaltyRoutes(deps))
    .route('/', adminCustomerRoutes(deps));
}

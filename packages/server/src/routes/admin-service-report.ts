import { type ServiceReport, serviceReportQuerySchema } from '@rapport/protocol/schemas';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { parseQuery } from '../parse-input';
import { reportWeeks, serviceReport } from '../store/service-report';

/**
 * `GET /v1/admin/reports/service?weeks` (server README, "Service report"): the last `weeks`
 * UTC weeks (1–52, default 8), the current one last. Any role may read it, like every report.
 */
export function adminServiceReportRoutes(deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/reports/service', async (c) => {
    const { weeks } = parseQuery(c, serviceReportQuerySchema);
    const range = reportWeeks(deps.clock(), weeks);
    const report: ServiceReport = await serviceReport(deps.store.db, c.get('project').id, range);
    return c.json(report);
  });
}

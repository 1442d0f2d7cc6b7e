import { userIdSchema } from '@rapport/protocol';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { toCsv } from '../csv';
import { InvalidQueryError } from '../errors';
import {
  type CsvExport,
  type ExportTable,
  exportRows,
  FEEDBACK_EXPORT,
  RESPONSES_EXPORT,
} from '../store/exports';
import { timelineOf } from '../store/timeline';

async function csvResponse<T extends ExportTable>(
  deps: AppDeps,
  projectId: string,
  spec: CsvExport<T>,
  filename: string,
) {
  const { header, rows } = await exportRows(deps.store.db, projectId, spec);
  return new Response(toCsv(header, rows), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
    },
  });
}

/** A customer's timeline, and CSV exports of feedback and survey responses. */
export function adminCustomerRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db } = deps.store;
  return new Hono<AppEnv>()
    .get('/v1/admin/customers/:userId/timeline', async (c) => {
      const userId = userIdSchema.safeParse(c.req.param('userId'));
      if (!userId.success) throw new InvalidQueryError('userId: 1–128 characters.');
      return c.json(await timelineOf(db, c.get('project').id, userId.data));
    })
    .get('/v1/admin/export/feedback.csv', (c) =>
      csvResponse(deps, c.get('project').id, FEEDBACK_EXPORT, 'feedback.csv'),
    )
    .get('/v1/admin/export/responses.csv', (c) =>
      csvResponse(deps, c.get('project').id, RESPONSES_EXPORT, 'responses.csv'),
    );
}

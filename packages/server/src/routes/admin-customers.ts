import { userIdSchema } from '@rapport/protocol';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { toCsv } from '../csv';
import { InvalidQueryError } from '../errors';
import {
  FEEDBACK_CSV_HEADER,
  feedbackCsvRows,
  RESPONSES_CSV_HEADER,
  responsesCsvRows,
} from '../store/exports';
import { timelineOf } from '../store/timeline';

function csvResponse(body: string, filename: string) {
  return new Response(body, {
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
    .get('/v1/admin/export/feedback.csv', async (c) => {
      const rows = await feedbackCsvRows(db, c.get('project').id);
      return csvResponse(toCsv(FEEDBACK_CSV_HEADER, rows), 'feedback.csv');
    })
    .get('/v1/admin/export/responses.csv', async (c) => {
      const rows = await responsesCsvRows(db, c.get('project').id);
      return csvResponse(toCsv(RESPONSES_CSV_HEADER, rows), 'responses.csv');
    });
}

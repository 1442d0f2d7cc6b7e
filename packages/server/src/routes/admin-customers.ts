import {
  customersQuerySchema,
  eraseInputSchema,
  pageQuerySchema,
  userIdSchema,
} from '@rapport/protocol/schemas';
import { type Context, Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { toCsv } from '../csv';
import { decodeCursor } from '../cursor';
import { InvalidBodyError, InvalidQueryError, NotFoundError } from '../errors';
import { requireRole } from '../middleware/require-role';
import { parseBody, parseQuery } from '../parse-input';
import { customerProfile, listCustomers, personOfUser } from '../store/customers-directory';
import { eraseCustomer } from '../store/erase-customer';
import { exportCustomer } from '../store/export-customer';
import {
  type CsvExport,
  type ExportTable,
  exportRows,
  FEEDBACK_EXPORT,
  RESPONSES_EXPORT,
} from '../store/exports';
import { timelinePage } from '../store/timeline';

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

/** The `:userId` path parameter, checked like any user id. */
function userIdOf(c: Context<AppEnv>): string {
  const userId = userIdSchema.safeParse(c.req.param('userId'));
  if (!userId.success) throw new InvalidQueryError('userId: 1–128 characters, not blank.');
  return userId.data;
}

function unknownCustomer() {
  // The id is not echoed: it is personal data, and error messages end up in logs.
  return new NotFoundError('No customer with this user id (never seen, or erased).');
}

/**
 * The customers directory (search, profile, paginated timeline), the GDPR export and erase,
 * and CSV exports of feedback and survey responses.
 */
export function adminCustomerRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db } = deps.store;
  return new Hono<AppEnv>()
    .get('/customers', async (c) => {
      requireRole(c, 'member');
      const query = parseQuery(c, customersQuerySchema);
      const page = await listCustomers(db, c.get('project').id, {
        ...(query.q && { q: query.q }),
        ...(query.cursor && { after: decodeCursor(query.cursor) }),
        limit: query.limit,
      });
      return c.json(page);
    })
    .get('/customers/:userId', async (c) => {
      requireRole(c, 'member');
      const profile = await customerProfile(db, c.get('project').id, userIdOf(c));
      if (!profile) throw unknownCustomer();
      return c.json(profile);
    })
    .get('/customers/:userId/timeline', async (c) => {
      requireRole(c, 'member');
      const userId = userIdOf(c);
      const query = parseQuery(c, pageQuerySchema);
      const projectId = c.get('project').id;
      const person = await personOfUser(db, projectId, userId);
      const page = await timelinePage(db, projectId, person, {
        ...(query.cursor && { after: decodeCursor(query.cursor) }),
        limit: query.limit,
      });
      return c.json(page);
    })
    .get('/customers/:userId/export', async (c) => {
      requireRole(c, 'member');
      const userId = userIdOf(c);
      const data = await exportCustomer(db, c.get('project').id, userId, deps.clock());
      if (!data) throw unknownCustomer();
      return new Response(JSON.stringify(data, null, 2), {
        headers: {
          'content-type': 'application/json; charset=utf-8',
          // The file name carries no user id: downloads folders and proxies log file names.
          'content-disposition': 'attachment; filename="customer-export.json"',
          'cache-control': 'no-store',
        },
      });
    })
    .delete('/customers/:userId', async (c) => {
      const actor = requireRole(c, 'owner');
      const userId = userIdOf(c);
      const { confirm } = await parseBody(c, eraseInputSchema);
      if (confirm !== userId) {
        throw new InvalidBodyError('confirm: type the user id being erased, exactly.');
      }
      const result = await eraseCustomer(db, c.get('project').id, userId, actor, deps.clock());
      if (!result) throw unknownCustomer();
      return c.body(null, 204);
    })
    .get('/export/feedback.csv', (c) => {
      requireRole(c, 'member');
      return csvResponse(deps, c.get('project').id, FEEDBACK_EXPORT, 'feedback.csv');
    })
    .get('/export/responses.csv', (c) => {
      requireRole(c, 'member');
      return csvResponse(deps, c.get('project').id, RESPONSES_EXPORT, 'responses.csv');
    });
}

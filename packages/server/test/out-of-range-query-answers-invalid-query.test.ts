import { describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { send } from './helpers/requests';
import { SK, useTestApp } from './helpers/test-app';

/** Queries that pass the schema's shape but hold values the database cannot take. */
const ADMIN_QUERIES = [
  '/v1/admin/nps?from=0000-01-01',
  '/v1/admin/nps?to=0000-01-01T00:00:00Z',
  '/v1/admin/nps?from=9999-12-31T23:59:59-14:00',
  '/v1/admin/nps?from=2026-02-30',
  '/v1/admin/feedback?limit=1e400',
];

describe.each(databases)('out-of-range query values on $name', (database) => {
  const ctx = useTestApp(database);

  it.each(ADMIN_QUERIES)('%s answers 400 invalid_query', async (path) => {
    const response = await send(ctx.app, 'GET', path, undefined, { key: SK });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_query');
  });
});

import type { Store } from '../../src/store/index';

/** The queued deliveries of the test project, oldest first: type, endpoint and data. */
export async function queuedEvents(store: Store) {
  const rows = await store.db
    .selectFrom('webhook_deliveries')
    .select(['event_type', 'endpoint_id', 'data', 'status'])
    .orderBy('created_at')
    .orderBy('event_type')
    .execute();
  return rows.map((row) => ({
    type: row.event_type,
    endpointId: row.endpoint_id,
    status: row.status,
    data: typeof row.data === 'string' ? JSON.parse(row.data) : row.data,
  }));
}

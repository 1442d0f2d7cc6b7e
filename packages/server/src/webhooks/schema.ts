import type { WebhookFormat } from '@rapport/protocol';
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

/** A site's webhook endpoint (migration 0007). */
export interface WebhookEndpointsTable {
  project_id: string;
  id: string;
  url: string;
  events: string[];
  /** `standard` or `slack` (migration 0009), fixed at creation. */
  format: ColumnType<WebhookFormat, WebhookFormat | undefined, never>;
  /** `whsec_…`, kept as is: signing needs it (see the migration). Never logged or returned again. */
  secret: string;
  previous_secret: Nullable<string>;
  previous_secret_expires_at: NullableTimestamp;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  disabled_reason: Nullable<string>;
  disabled_at: NullableTimestamp;
  failing_since: NullableTimestamp;
  created_at: Timestamp;
}

/** One event for one endpoint: the outbox row and its delivery log entry. */
export interface WebhookDeliveriesTable {
  id: string;
  project_id: string;
  endpoint_id: string;
  event_type: string;
  data: ColumnType<Record<string, unknown>, string, string>;
  occurred_at: Timestamp;
  status: ColumnType<
    'pending' | 'delivered' | 'failed',
    'pending' | 'delivered' | 'failed' | undefined,
    'pending' | 'delivered' | 'failed'
  >;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: NullableTimestamp;
  last_attempt_at: NullableTimestamp;
  last_status_code: Nullable<number>;
  last_error: Nullable<string>;
  response_excerpt: Nullable<string>;
  created_at: Timestamp;
}

/** The webhook tables as Kysely sees them. */
export interface WebhookTables {
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}

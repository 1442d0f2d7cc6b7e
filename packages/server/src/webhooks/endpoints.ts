import { randomUUID } from 'node:crypto';
import type { WebhookEndpoint, WebhookEventType, WebhookFormat } from '@rapport/protocol';
import type { Kysely, Selectable } from 'kysely';
import { DAY_MS } from '../clock';
import { isoOf } from '../store/rows';
import type { Database } from '../store/schema';
import type { WebhookEndpointsTable } from './schema';
import { generateWebhookSecret } from './signature';

/** How long the previous secret keeps signing after a rotation. */
export const PREVIOUS_SECRET_VALID_MS = DAY_MS;

/** Every column but the secrets: what a listing may read. */
const PUBLIC_COLUMNS = [
  'id',
  'url',
  'events',
  'format',
  'enabled',
  'disabled_reason',
  'disabled_at',
  'failing_since',
  'created_at',
] as const;

type PublicRow = Pick<Selectable<WebhookEndpointsTable>, (typeof PUBLIC_COLUMNS)[number]>;

/** An endpoint row as the admin API shows it. */
export function endpointOf(row: PublicRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    events: row.events as WebhookEventType[],
    format: row.format,
    enabled: row.enabled,
    disabledReason: row.disabled_reason,
    disabledAt: row.disabled_at && isoOf(row.disabled_at),
    failingSince: row.failing_since && isoOf(row.failing_since),
    createdAt: isoOf(row.created_at),
  };
}

/** Creates an endpoint with a fresh secret; the secret is in the answer and never again. */
export async function createEndpoint(
  db: Kysely<Database>,
  projectId: string,
  input: { url: string; events: WebhookEventType[]; format: WebhookFormat },
  now: Date,
): Promise<WebhookEndpoint & { secret: string }> {
  const secret = generateWebhookSecret();
  const row = await db
    .insertInto('webhook_endpoints')
    .values({
      project_id: projectId,
      id: `wh_${randomUUID().replaceAll('-', '')}`,
      url: input.url,
      events: input.events,
      format: input.format,
      secret,
      created_at: now,
    })
    .returning(PUBLIC_COLUMNS)
    .executeTakeFirstOrThrow();
  return { ...endpointOf(row), secret };
}

/** How many endpoints the project has (for the per-project limit). */
export async function countEndpoints(db: Kysely<Database>, projectId: string): Promise<number> {
  const row = await db
    .selectFrom('webhook_endpoints')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The project's endpoints, oldest first. */
export async function listEndpoints(
  db: Kysely<Database>,
  projectId: string,
): Promise<WebhookEndpoint[]> {
  const rows = await db
    .selectFrom('webhook_endpoints')
    .select(PUBLIC_COLUMNS)
    .where('project_id', '=', projectId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(endpointOf);
}

/** One endpoint, or undefined. */
export async function getEndpoint(
  db: Kysely<Database>,
  projectId: string,
  id: string,
): Promise<WebhookEndpoint | undefined> {
  const row = await db
    .selectFrom('webhook_endpoints')
    .select(PUBLIC_COLUMNS)
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && endpointOf(row);
}

/**
 * Changes the URL, the events or `enabled`; enabling clears the reason it was disabled and
 * its failure streak. Undefined when there is no such endpoint.
 */
export async function updateEndpoint(
  db: Kysely<Database>,
  projectId: string,
  id: string,
  patch: { url?: string; events?: WebhookEventType[]; enabled?: boolean },
): Promise<WebhookEndpoint | undefined> {
  const row = await db
    .updateTable('webhook_endpoints')
    .set({
      ...(patch.url !== undefined && { url: patch.url }),
      ...(patch.events !== undefined && { events: patch.events }),
      ...(patch.enabled === true && {
        enabled: true,
        disabled_reason: null,
        disabled_at: null,
        failing_since: null,
      }),
      ...(patch.enabled === false && { enabled: false }),
    })
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .returning(PUBLIC_COLUMNS)
    .executeTakeFirst();
  return row && endpointOf(row);
}

/** Deletes an endpoint and, by cascade, its delivery log; false when there was none. */
export async function deleteEndpoint(db: Kysely<Database>, projectId: string, id: string) {
  const result = await db
    .deleteFrom('webhook_endpoints')
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * Gives an endpoint a new secret. The previous one keeps signing beside it for
 * {@link PREVIOUS_SECRET_VALID_MS}, so a receiver can switch without missing a delivery.
 */
export async function rotateEndpointSecret(
  db: Kysely<Database>,
  projectId: string,
  id: string,
  now: Date,
): Promise<{ secret: string; previousSecretValidUntil: string } | undefined> {
  const secret = generateWebhookSecret();
  const validUntil = new Date(now.getTime() + PREVIOUS_SECRET_VALID_MS);
  const row = await db
    .updateTable('webhook_endpoints')
    .set((eb) => ({
      previous_secret: eb.ref('secret'),
      previous_secret_expires_at: validUntil,
      secret,
    }))
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  return row && { secret, previousSecretValidUntil: validUntil.toISOString() };
}

import { SLACK_EVENTS, type WebhookEventType, type WebhookFormat } from '@rapport/protocol';
import {
  MAX_WEBHOOK_ENDPOINTS,
  pageQuerySchema,
  type WebhookCreated,
  webhookInputSchema,
  webhookPatchSchema,
} from '@rapport/protocol/schemas';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { decodeCursor } from '../cursor';
import { ConflictError, InvalidBodyError, NotFoundError } from '../errors';
import { requireRole } from '../middleware/require-role';
import { parseBody, parsePatchBody, parseQuery } from '../parse-input';
import { type AuditEntry, recordAudit } from '../store/audit-log';
import { listDeliveries, queueTestEvent, redeliver } from '../webhooks/deliveries';
import { isPrivateAddress, literalAddressOf } from '../webhooks/destination';
import {
  countEndpoints,
  createEndpoint,
  deleteEndpoint,
  getEndpoint,
  listEndpoints,
  rotateEndpointSecret,
  updateEndpoint,
} from '../webhooks/endpoints';

/** Options of {@link adminWebhookRoutes}. */
export interface WebhookRouteOptions {
  /** Accept loopback and private addresses as destinations (tests, private networks). */
  allowPrivateDestinations: boolean;
}

function missing(id: string) {
  return new NotFoundError(`No webhook endpoint with id ${id.slice(0, 128)}.`);
}

/**
 * Refuses, at once, a URL that names a private destination: an IP literal or `localhost`.
 * The worker checks every resolved address again at send time; this only spares the site
 * owner an endpoint that could never receive anything.
 */
function checkDestination(url: string, options: WebhookRouteOptions) {
  if (options.allowPrivateDestinations) return;
  const parsed = new URL(url);
  const literal = literalAddressOf(parsed);
  const host = parsed.hostname.toLowerCase();
  if (
    (literal && isPrivateAddress(literal)) ||
    host === 'localhost' ||
    host.endsWith('.localhost')
  ) {
    throw new InvalidBodyError(
      'url: private, loopback and link-local destinations are refused (RAPPORT_WEBHOOKS_ALLOW_PRIVATE=1 allows them).',
    );
  }
}

/** A slack endpoint receives only the events its messages are written for. */
function checkSlackEvents(format: WebhookFormat, events: readonly WebhookEventType[]) {
  const allowed: readonly WebhookEventType[] = SLACK_EVENTS;
  if (format === 'slack' && !events.every((event) => allowed.includes(event))) {
    throw new InvalidBodyError(
      `events: a slack endpoint receives only ${SLACK_EVENTS.join(' and ')}.`,
    );
  }
}

/** The audited facts of an endpoint: its origin only, since a URL's path may hold a token. */
function auditDetails(url: string | undefined, events: string[] | undefined) {
  return {
    ...(url !== undefined && { origin: new URL(url).origin }),
    ...(events !== undefined && { events }),
  };
}

/**
 * `/v1/admin/webhooks`: endpoints (create, list, read, change, delete, rotate the secret), a
 * test event, the delivery log and redelivery. Writes need admin (the role table's default);
 * any member reads the endpoints and their logs. Secrets are answered once, never listed.
 */
export function adminWebhookRoutes(deps: AppDeps, options: WebhookRouteOptions): Hono<AppEnv> {
  const { db } = deps.store;
  /** Runs a change and, when it found its endpoint, its audit row, in one transaction. */
  const audited = <T>(
    entry: Omit<AuditEntry, 'projectId'> & { projectId: string },
    change: (trx: typeof db) => Promise<T | undefined>,
  ) =>
    db.transaction().execute(async (trx) => {
      const result = await change(trx);
      if (result !== undefined) await recordAudit(trx, entry, deps.clock());
      return result;
    });
  return new Hono<AppEnv>()
    .post('/webhooks', async (c) => {
      const actor = requireRole(c, 'admin');
      const input = await parseBody(c, webhookInputSchema);
      checkDestination(input.url, options);
      const projectId = c.get('project').id;
      if ((await countEndpoints(db, projectId)) >= MAX_WEBHOOK_ENDPOINTS) {
        throw new ConflictError(
          `A project has at most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints.`,
        );
      }
      const created: WebhookCreated = await db.transaction().execute(async (trx) => {
        const endpoint = await createEndpoint(trx, projectId, input, deps.clock());
        const details = { ...auditDetails(input.url, input.events), format: input.format };
        const entry: AuditEntry = {
          projectId,
          actor,
          action: 'webhook_created',
          target: endpoint.id,
          details,
        };
        await recordAudit(trx, entry, deps.clock());
        return endpoint;
      });
      return c.json(created, 201);
    })
    .get('/webhooks', async (c) => {
      requireRole(c, 'member');
      return c.json({ items: await listEndpoints(db, c.get('project').id) });
    })
    .get('/webhooks/:id', async (c) => {
      requireRole(c, 'member');
      const endpoint = await getEndpoint(db, c.get('project').id, c.req.param('id'));
      if (!endpoint) throw missing(c.req.param('id'));
      return c.json(endpoint);
    })
    .patch('/webhooks/:id', async (c) => {
      const actor = requireRole(c, 'admin');
      const patch = await parsePatchBody(c, webhookPatchSchema);
      if (patch.url !== undefined) checkDestination(patch.url, options);
      const id = c.req.param('id');
      const projectId = c.get('project').id;
      if (patch.events !== undefined) {
        const current = await getEndpoint(db, projectId, id);
        if (!current) throw missing(id);
        checkSlackEvents(current.format, patch.events);
      }
      const details = {
        ...auditDetails(patch.url, patch.events),
        ...(patch.enabled !== undefined && { enabled: patch.enabled }),
      };
      const endpoint = await audited(
        { projectId, actor, action: 'webhook_updated', target: id, details },
        (trx) => updateEndpoint(trx, projectId, id, patch),
      );
      if (!endpoint) throw missing(id);
      return c.json(endpoint);
    })
    .delete('/webhooks/:id', async (c) => {
      const actor = requireRole(c, 'admin');
      const id = c.req.param('id');
      const projectId = c.get('project').id;
      const deleted = await audited(
        { projectId, actor, action: 'webhook_deleted', target: id },
        async (trx) => ((await deleteEndpoint(trx, projectId, id)) ? true : undefined),
      );
      if (!deleted) throw missing(id);
      return c.body(null, 204);
    })
    .post('/webhooks/:id/rotate-secret', async (c) => {
      const actor = requireRole(c, 'admin');
      const id = c.req.param('id');
      const projectId = c.get('project').id;
      const rotated = await audited(
        { projectId, actor, action: 'webhook_secret_rotated', target: id },
        (trx) => rotateEndpointSecret(trx, projectId, id, deps.clock()),
      );
      if (!rotated) throw missing(id);
      return c.json(rotated);
    })
    .post('/webhooks/:id/test', async (c) => {
      requireRole(c, 'admin');
      const id = c.req.param('id');
      const delivery = await queueTestEvent(db, c.get('project').id, id, deps.clock());
      if (!delivery) throw missing(id);
      return c.json(delivery, 202);
    })
    .get('/webhooks/:id/deliveries', async (c) => {
      requireRole(c, 'member');
      const id = c.req.param('id');
      const projectId = c.get('project').id;
      if (!(await getEndpoint(db, projectId, id))) throw missing(id);
      const query = parseQuery(c, pageQuerySchema);
      const page = await listDeliveries(db, projectId, id, {
        ...(query.cursor && { after: decodeCursor(query.cursor) }),
        limit: query.limit,
      });
      return c.json(page);
    })
    .post('/webhooks/:id/deliveries/:deliveryId/redeliver', async (c) => {
      requireRole(c, 'admin');
      const { id, deliveryId } = c.req.param();
      const delivery = await redeliver(db, c.get('project').id, id, deliveryId, deps.clock());
      if (!delivery)
        throw new NotFoundError(`No delivery ${deliveryId.slice(0, 128)} for this endpoint.`);
      return c.json(delivery, 202);
    });
}

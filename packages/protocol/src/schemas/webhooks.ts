import { z } from 'zod';
import { SLACK_EVENTS, WEBHOOK_EVENTS, WEBHOOK_FORMATS, WEBHOOK_TEST_EVENT } from '../webhooks';
import { urlSchema } from './fields';

/** The events an endpoint receives: at least one, each once. */
const eventsSchema = z
  .array(z.enum(WEBHOOK_EVENTS))
  .min(1)
  .max(WEBHOOK_EVENTS.length)
  .refine((events) => new Set(events).size === events.length, 'must not repeat an event');

const formatSchema = z.enum(WEBHOOK_FORMATS);
const slackEvents: readonly string[] = SLACK_EVENTS;
const SLACK_ONLY = `a slack endpoint receives only ${SLACK_EVENTS.join(' and ')}`;

/** `POST /v1/admin/webhooks`: `format` is `standard` unless it says `slack`. */
export const webhookInputSchema = z
  .object({ url: urlSchema, events: eventsSchema, format: formatSchema.default('standard') })
  .refine(
    (input) => input.format !== 'slack' || input.events.every((e) => slackEvents.includes(e)),
    {
      message: SLACK_ONLY,
      path: ['events'],
    },
  );

/**
 * `PATCH /v1/admin/webhooks/:id`: `enabled: true` re-enables an endpoint the server disabled.
 * The format is fixed at creation (a receiver understands one of them).
 */
export const webhookPatchSchema = z
  .object({ url: urlSchema, events: eventsSchema, enabled: z.boolean() })
  .partial();

/** An endpoint as the admin API shows it: never its secret. */
export const webhookEndpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  format: formatSchema,
  enabled: z.boolean(),
  /** Why the server disabled it (failing for 5 days), or null. */
  disabledReason: z.string().nullable(),
  disabledAt: z.string().nullable(),
  /** Since when every attempt has failed; null after a success. */
  failingSince: z.string().nullable(),
  createdAt: z.string(),
});

/** `POST /v1/admin/webhooks` → 201: the endpoint and its secret, shown this once. */
export const webhookCreatedSchema = webhookEndpointSchema.extend({ secret: z.string() });

/** `POST /v1/admin/webhooks/:id/rotate-secret`: the new secret; the old one signs 24 h more. */
export const webhookSecretRotatedSchema = z.object({
  secret: z.string(),
  previousSecretValidUntil: z.string(),
});

/** One event for one endpoint, as the delivery log shows it. */
export const webhookDeliverySchema = z.object({
  /** The `webhook-id` header: the same on every attempt. */
  id: z.string(),
  endpointId: z.string(),
  type: z.union([z.enum(WEBHOOK_EVENTS), z.literal(WEBHOOK_TEST_EVENT)]),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int().min(0),
  /** When the next attempt is due; null once delivered or given up. */
  nextAttemptAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  /** The receiver's HTTP status of the last attempt; null when none answered. */
  lastStatusCode: z.number().int().nullable(),
  /** Why the last attempt failed without a status (timeout, refused address, redirect). */
  lastError: z.string().nullable(),
  /** The first 500 bytes of the last answer, when it was text. */
  responseExcerpt: z.string().nullable(),
  createdAt: z.string(),
});

export type WebhookInput = z.input<typeof webhookInputSchema>;
export type WebhookPatch = z.infer<typeof webhookPatchSchema>;
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;
export type WebhookCreated = z.infer<typeof webhookCreatedSchema>;
export type WebhookSecretRotated = z.infer<typeof webhookSecretRotatedSchema>;
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

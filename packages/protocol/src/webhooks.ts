/**
 * Webhooks (issue 13, item 5): the events a site's endpoint can subscribe to and the shape of
 * what it receives. Deliveries follow the Standard Webhooks specification
 * (https://www.standardwebhooks.com/): headers `webhook-id`, `webhook-timestamp` and
 * `webhook-signature: v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`, with a
 * `whsec_<base64>` secret whose base64 part is the HMAC key. Zod-free, so the console can
 * import the names at run time.
 */

/** Every event an endpoint can subscribe to. */
export const WEBHOOK_EVENTS = [
  'feedback.created',
  'feedback.replied',
  'feedback.status_changed',
  'survey.responded',
  'nps.detractor',
  'loyalty.redeemed',
  'loyalty.tier_changed',
  'customer.erased',
] as const;

/** One event an endpoint can subscribe to. */
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/**
 * What an endpoint receives: `standard`, the signed `{ type, timestamp, data }` JSON of
 * Standard Webhooks; `slack`, a readable `{ text }` message for a Slack incoming webhook (or
 * anything that takes the same payload, such as Mattermost), for {@link SLACK_EVENTS} only.
 */
export const WEBHOOK_FORMATS = ['standard', 'slack'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** The events a `slack` endpoint may subscribe to: the ones a person should read at once. */
export const SLACK_EVENTS = [
  'feedback.created',
  'nps.detractor',
] as const satisfies readonly WebhookEventType[];

/** The event `POST /v1/admin/webhooks/:id/test` sends, whatever the endpoint subscribed to. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

/** The prefix of a webhook signing secret (Standard Webhooks). */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/** Most endpoints one project may have. */
export const MAX_WEBHOOK_ENDPOINTS = 20;

/** Bytes of a receiver's answer kept in the delivery log (text only). */
export const WEBHOOK_RESPONSE_EXCERPT_BYTES = 500;

/** `data` of each event, by type. Ids and what a receiver acts on; never secrets or hashes. */
export interface WebhookEventData {
  'feedback.created': {
    projectId: string;
    id: string;
    anonymousId: string;
    userId: string | null;
    message: string;
    category: string | null;
    rating: number | null;
    createdAt: string;
  };
  'feedback.replied': {
    projectId: string;
    feedbackId: string;
    replyId: string;
    author: 'team' | 'customer';
    body: string;
    createdAt: string;
  };
  'feedback.status_changed': {
    projectId: string;
    feedbackId: string;
    from: string;
    to: string;
  };
  'survey.responded': {
    projectId: string;
    id: string;
    surveyId: string;
    anonymousId: string;
    userId: string | null;
    score: number | null;
    comment: string | null;
    createdAt: string;
  };
  /** The same answer as `survey.responded`, sent too when an NPS score is 0–6. */
  'nps.detractor': WebhookEventData['survey.responded'];
  'loyalty.redeemed': {
    projectId: string;
    redemptionId: string;
    userId: string;
    rewardId: string;
    cost: number;
    balance: number;
  };
  /** Sent when an earn moves the member's lifetime points across a tier threshold. */
  'loyalty.tier_changed': {
    projectId: string;
    userId: string;
    from: string | null;
    to: string | null;
    lifetimePoints: number;
  };
  'customer.erased': { projectId: string; userId: string; eraseId: string };
  'webhook.test': { projectId: string; endpointId: string };
}

/** What a receiver gets as the body: `{ type, timestamp, data }`. */
export type WebhookPayload = {
  [K in keyof WebhookEventData]: { type: K; timestamp: string; data: WebhookEventData[K] };
}[keyof WebhookEventData];

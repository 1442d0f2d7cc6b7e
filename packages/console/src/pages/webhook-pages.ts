/**
 * The webhook pages, loaded as their own chunk the first time a webhook route opens (see
 * components/WebhookSection.tsx), so the inbox does not pay for them.
 */
export { WebhookEndpoint } from './WebhookEndpoint';
export { Webhooks } from './Webhooks';

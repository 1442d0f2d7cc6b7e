import type { WebhookDelivery, WebhookEndpoint, WebhookEventType } from './api/types';
import { formatDateTime } from './format';

/** What each event means to a site owner choosing what to subscribe to. */
export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  'feedback.created': 'A customer sends feedback',
  'feedback.replied': 'Your team replies to a thread',
  'feedback.status_changed': 'A thread changes status (new, in progress, resolved)',
  'survey.responded': 'A survey is answered',
  'nps.detractor': 'An NPS answer scores 0–6',
  'loyalty.redeemed': 'A member redeems a reward',
  'loyalty.tier_changed': 'A member moves to another tier',
  'customer.erased': "A customer's data is erased",
};

/** An endpoint's state in one short phrase, and the badge's classes. */
export function endpointState(endpoint: WebhookEndpoint): { label: string; badge: string } {
  if (!endpoint.enabled) return { label: 'Disabled', badge: 'badge badge-off' };
  if (endpoint.failingSince) return { label: 'Failing', badge: 'badge badge-warn' };
  return { label: 'Active', badge: 'badge badge-active' };
}

/** The sentence under an endpoint that is disabled or failing; undefined when all is well. */
export function endpointProblem(endpoint: WebhookEndpoint): string | undefined {
  if (!endpoint.enabled) {
    const when = endpoint.disabledAt ? ` on ${formatDateTime(endpoint.disabledAt)}` : '';
    return endpoint.disabledReason
      ? `Disabled${when}: ${endpoint.disabledReason}`
      : `Disabled${when}. Nothing is sent to it until it is enabled again.`;
  }
  if (endpoint.failingSince) {
    return `Every attempt has failed since ${formatDateTime(endpoint.failingSince)}. After 5 days of failures the endpoint is disabled.`;
  }
  return undefined;
}

/** A delivery's outcome as a person reads it: "Delivered (200)", "Retrying at …". */
export function deliveryOutcome(delivery: WebhookDelivery): string {
  const answer =
    delivery.lastStatusCode !== null ? `HTTP ${delivery.lastStatusCode}` : delivery.lastError;
  switch (delivery.status) {
    case 'delivered':
      return `Delivered${answer ? ` (${answer})` : ''}`;
    case 'failed':
      return `Gave up after ${delivery.attempts} ${delivery.attempts === 1 ? 'attempt' : 'attempts'}${answer ? `: ${answer}` : ''}`;
    case 'pending':
      if (delivery.attempts === 0) return 'Queued, not sent yet';
      return `Retrying ${delivery.nextAttemptAt ? `at ${formatDateTime(delivery.nextAttemptAt)}` : 'soon'}${answer ? ` (last: ${answer})` : ''}`;
  }
}

/** The URL without its query string and with a long path shortened, for lists and headings. */
export function shortUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const path = parsed.pathname.length > 40 ? `${parsed.pathname.slice(0, 39)}…` : parsed.pathname;
    return `${parsed.host}${path === '/' ? '' : path}`;
  } catch {
    return url;
  }
}

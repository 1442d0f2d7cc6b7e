import { MAX_TEXT_LENGTH, type Message } from '@rapport/protocol';
import type { FeedbackErrors, Store } from '../store';
import { reportError } from './report-error';

/** A human needs longer than this to fill the form; faster submits do not count. */
export const MIN_FILL_MS = 1500;

// Deliberately loose: the server has the last word; this only catches typos like "a@b".
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Check the form's fields; an empty object means it may be sent. */
export function validateFeedback(message: string, email: string): FeedbackErrors {
  const errors: FeedbackErrors = {};
  if (message.trim() === '') errors.message = 'errorMessageRequired';
  else if (message.length > MAX_TEXT_LENGTH) errors.message = 'errorMessageTooLong';
  if (email.trim() !== '' && !EMAIL.test(email.trim())) errors.email = 'errorEmail';
  return errors;
}

/**
 * Send the feedback form through the SDK. Shows "sent" or "queued" from the receipt; on a
 * rejection the text stays in the form with an inline error.
 */
export async function submitFeedback(store: Store, now = Date.now()): Promise<void> {
  const form = store.feedback;
  if (form.status.value !== 'editing') return;
  const message = form.message.value;
  const email = form.email.value.trim();
  const errors = validateFeedback(message, email);
  if (errors.message || errors.email) {
    form.errors.value = errors;
    return;
  }
  if (now - form.startedAt.value < MIN_FILL_MS) {
    form.errors.value = { form: 'errorTooFast' };
    return;
  }
  form.errors.value = {};
  if (form.honeypot.value !== '') {
    // Only a bot fills the hidden field: thank it and send nothing.
    form.status.value = 'sent';
    return;
  }
  form.status.value = 'sending';
  try {
    const category = form.category.value;
    const receipt = await store.client.feedback({
      message,
      ...(category ? { category } : {}),
      ...(email ? { email } : {}),
    });
    form.status.value = receipt.status === 'queued' ? 'queued' : 'sent';
    form.queuedId.value = receipt.status === 'queued' ? receipt.id : undefined;
    form.message.value = '';
    form.email.value = '';
    form.category.value = '';
  } catch (error) {
    form.status.value = 'editing';
    form.errors.value = { form: sendErrorOf(error) };
    reportError(store.client, error);
  }
}

/**
 * The form error for a failed send. A server that refuses the page's origin will refuse
 * every retry too, and the browser is online: saying "try again" or "when you're back online"
 * would be untrue, so the visitor is told the site is not set up for it.
 */
function sendErrorOf(error: unknown): 'errorSend' | 'errorOriginRefused' {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return code === 'origin_not_allowed' ? 'errorOriginRefused' : 'errorSend';
}

/** Back to an empty form after a successful send. */
export function resetFeedback(store: Store, now = Date.now()): void {
  store.feedback.status.value = 'editing';
  store.feedback.errors.value = {};
  store.feedback.startedAt.value = now;
}

/** The outbox delivered a message: if it is the feedback shown as saved, show it as sent. */
export function markFeedbackDelivered(store: Store, messageId: string): void {
  const form = store.feedback;
  if (form.status.value === 'queued' && form.queuedId.value === messageId) {
    form.status.value = 'sent';
    form.queuedId.value = undefined;
  }
}

/**
 * The outbox gave up on a message (rejected by the server, or dropped when full): if it is
 * the feedback shown as saved, put its text back in the form with an error, since the
 * "will be sent" promise can no longer be kept.
 */
export function markFeedbackFailed(
  store: Store,
  message: Message | undefined,
  error?: unknown,
): void {
  const form = store.feedback;
  if (message?.type !== 'feedback' || form.status.value !== 'queued') return;
  if (form.queuedId.value !== message.id) return;
  form.queuedId.value = undefined;
  form.message.value = message.message;
  form.email.value = message.email ?? '';
  form.category.value = message.category ?? '';
  form.errors.value = { form: sendErrorOf(error) };
  form.status.value = 'editing';
}

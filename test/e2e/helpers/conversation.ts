import type { FeedbackItem } from '@rapport/protocol';
import type { Page } from 'playwright-core';
import { feedbackWithMessage } from './admin';
import type { RapportServer } from './rapport-server';
import { FEEDBACK_SENT, openWidget, seeText, sendFeedback } from './widget';

/**
 * The start of every conversation: the visitor on `page` (already at the site) sends
 * `message` from the widget, and the team answers `reply` through the admin API, as the
 * console does. Returns the feedback item the thread belongs to.
 */
export async function startConversation(
  server: RapportServer,
  page: Page,
  message: string,
  reply: string,
): Promise<FeedbackItem> {
  await openWidget(page);
  await sendFeedback(page, message);
  await seeText(page, FEEDBACK_SENT);
  const [item] = await feedbackWithMessage(server, message);
  if (!item) throw new Error('the feedback did not arrive');
  await server.admin(`/v1/admin/feedback/${item.id}/replies`, {
    method: 'POST',
    body: { body: reply },
  });
  return item;
}

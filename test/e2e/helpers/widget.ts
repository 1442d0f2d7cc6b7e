import type { Locator, Page } from 'playwright-core';

/**
 * Locators for the widget by role and accessible name (the English defaults), so the tests
 * read like what a visitor sees. Playwright's role locators pierce the open shadow root.
 */
export const widget = {
  launcher: (page: Page) => page.getByRole('button', { name: 'Open feedback and rewards' }),
  dialog: (page: Page) => page.getByRole('dialog', { name: 'How can we help?' }),
  tab: (page: Page, name: 'Feedback' | 'Rewards' | 'Messages') => page.getByRole('tab', { name }),
  message: (page: Page) => page.getByRole('textbox', { name: 'Your message' }),
  send: (page: Page) => page.getByRole('button', { name: 'Send', exact: true }),
  /** The NPS card: a non-modal dialog holding a radio group of scores. */
  survey: (page: Page) => page.getByRole('radiogroup'),
  score: (page: Page, score: number) =>
    page.getByRole('radio', { name: new RegExp(`^${score}(,|$)`) }),
  host: (page: Page) => page.locator('rapport-widget'),
};

/** Minimum fill time of the feedback form (anti-bot); a faster submit is refused on purpose. */
export const MIN_FILL_MS = 1_600;

/** Opens the dialog with the launcher and waits until it is visible. */
export async function openWidget(page: Page): Promise<Locator> {
  await widget.launcher(page).click();
  const dialog = widget.dialog(page);
  await dialog.waitFor({ state: 'visible' });
  return dialog;
}

/**
 * Fills and sends the feedback form like a visitor: picks a topic, types, waits out the
 * minimum fill time (measured from when the form was shown), presses Send.
 */
export async function sendFeedback(page: Page, message: string): Promise<void> {
  const shownAt = Date.now();
  await page.getByRole('combobox', { name: 'What is it about?' }).selectOption('idea');
  await widget.message(page).fill(message);
  const wait = MIN_FILL_MS - (Date.now() - shownAt);
  if (wait > 0) await page.waitForTimeout(wait);
  await widget.send(page).click();
}

/** Text of the live region that confirms a feedback submission. */
export const FEEDBACK_SENT = 'Sent — we read every message.';
export const FEEDBACK_QUEUED = 'Saved — it will be sent when you’re back online.';

/** Resolves when `text` is visible anywhere in the page, shadow roots included. */
export function seeText(page: Page, text: string | RegExp): Promise<void> {
  return page.getByText(text).first().waitFor({ state: 'visible' });
}

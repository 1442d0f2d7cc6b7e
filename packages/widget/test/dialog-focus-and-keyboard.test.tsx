import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { axeViolations } from './helpers/axe';
import { openDialog, type RenderedWidget, renderWidget } from './helpers/render-widget';

let w: RenderedWidget;
afterEach(() => w?.cleanup());

test('the launcher opens a labelled modal dialog and focus moves into it', async () => {
  w = await renderWidget();
  const launcher = w.screen.getByRole('button', { name: 'Open feedback and rewards' });
  expect(launcher.getAttribute('aria-expanded')).toBe('false');
  fireEvent.click(launcher);
  const dialog = await w.screen.findByRole('dialog', { name: 'How can we help?' });
  expect(dialog.getAttribute('aria-modal')).toBe('true');
  expect(launcher.getAttribute('aria-expanded')).toBe('true');
  await waitFor(() => expect(dialog.contains(w.active())).toBe(true));
  expect(await axeViolations(w.widget.host!)).toEqual([]);
});

test('Tab and Shift+Tab stay inside the dialog', async () => {
  w = await renderWidget();
  const dialog = await openDialog(w);
  const send = w.screen.getByRole('button', { name: 'Send' });
  send.focus();
  fireEvent.keyDown(send, { key: 'Tab' });
  // From the last control Tab wraps to the first one: the close button.
  expect(w.active()).toBe(w.screen.getByRole('button', { name: 'Close' }));
  fireEvent.keyDown(w.active()!, { key: 'Tab', shiftKey: true });
  expect(w.active()).toBe(send);
  expect(dialog.contains(w.active())).toBe(true);
});

test('Tab with focus outside the dialog brings it back inside, at either end', async () => {
  w = await renderWidget();
  const dialog = await openDialog(w);
  const launcher = w.screen.getByRole('button', { name: 'Open feedback and rewards' });
  // Focus escaped (a click outside, a re-render): the next Tab reaching the dialog pulls it in.
  launcher.focus();
  fireEvent.keyDown(dialog, { key: 'Tab' });
  expect(w.active()).toBe(w.screen.getByRole('button', { name: 'Close' }));
  launcher.focus();
  fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
  expect(w.active()).toBe(w.screen.getByRole('button', { name: 'Send' }));
});

test('Tab between two controls inside the dialog is left to the browser', async () => {
  w = await renderWidget();
  await openDialog(w);
  const message = w.screen.getByLabelText('Your message');
  message.focus();
  // Not at either end, focus inside: the trap must not step in (nor move focus itself).
  for (const shiftKey of [false, true]) {
    const event = new KeyboardEvent('keydown', {
      key: 'Tab',
      shiftKey,
      bubbles: true,
      cancelable: true,
    });
    message.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
    expect(w.active()).toBe(message);
  }
});

test('Esc closes the dialog and focus returns to the launcher', async () => {
  w = await renderWidget();
  await openDialog(w);
  fireEvent.keyDown(w.screen.getByLabelText('Your message'), { key: 'Escape' });
  await waitFor(() => expect(w.screen.queryByRole('dialog')).toBeNull());
  const launcher = w.screen.getByRole('button', { name: 'Open feedback and rewards' });
  await waitFor(() => expect(w.active()).toBe(launcher));
  expect(launcher.getAttribute('aria-expanded')).toBe('false');
});

test('the close button closes and focus returns to the launcher', async () => {
  w = await renderWidget();
  await openDialog(w);
  fireEvent.click(w.screen.getByRole('button', { name: 'Close' }));
  await waitFor(() =>
    expect(w.active()).toBe(w.screen.getByRole('button', { name: 'Open feedback and rewards' })),
  );
});

test('tabs switch sections with arrow keys, Home and End', async () => {
  w = await renderWidget({}, { userId: 'jane' });
  await openDialog(w);
  const feedback = w.screen.getByRole('tab', { name: 'Feedback' });
  expect(feedback.getAttribute('aria-selected')).toBe('true');
  feedback.focus();
  fireEvent.keyDown(feedback, { key: 'ArrowRight' });
  const rewards = w.screen.getByRole('tab', { name: 'Rewards' });
  expect(rewards.getAttribute('aria-selected')).toBe('true');
  expect(w.active()).toBe(rewards);
  expect(w.screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(rewards.id);
  fireEvent.keyDown(rewards, { key: 'End' });
  expect(w.screen.getByRole('tab', { name: 'Messages' }).getAttribute('aria-selected')).toBe(
    'true',
  );
  fireEvent.keyDown(w.active()!, { key: 'ArrowRight' });
  expect(feedback.getAttribute('aria-selected')).toBe('true');
  // Only the selected tab is in the tab order.
  expect(rewards.tabIndex).toBe(-1);
});

test('the handle opens a given section and closes it again', async () => {
  w = await renderWidget({}, { userId: 'jane' });
  w.widget.open('inbox');
  await w.screen.findByRole('dialog');
  expect(w.screen.getByRole('tab', { name: 'Messages' }).getAttribute('aria-selected')).toBe(
    'true',
  );
  w.widget.close();
  await waitFor(() => expect(w.screen.queryByRole('dialog')).toBeNull());
});

test('the Tab order follows the form top to bottom and skips the honeypot', async () => {
  w = await renderWidget();
  const dialog = await openDialog(w);
  const order = Array.from(
    dialog.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href]'),
  )
    .filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled)
    .map((el) => el.getAttribute('aria-label') || el.id || el.textContent);
  expect(order).toEqual([
    'Close',
    'rapport-tab-feedback',
    'rapport-category',
    'rapport-message',
    'rapport-email',
    'Send',
  ]);
  // Focus starts on the first control.
  await waitFor(() => expect(w.active()?.getAttribute('aria-label')).toBe('Close'));
});

import { fireEvent } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { axeViolations } from './helpers/axe';
import { fakeClock } from './helpers/fill-time';
import { openDialog, type RenderedWidget, renderWidget } from './helpers/render-widget';

let w: RenderedWidget;
afterEach(() => {
  w?.cleanup();
  vi.useRealTimers();
});

test('offline, the feedback is saved in the outbox and the visitor is told it will be sent', async () => {
  const clock = fakeClock();
  w = await renderWidget();
  await openDialog(w);
  w.server.state.offline = true;
  fireEvent.input(w.screen.getByLabelText('Your message'), {
    target: { value: 'Checkout button does nothing' },
  });
  clock.pass();
  fireEvent.click(w.screen.getByRole('button', { name: 'Send' }));

  const status = await w.screen.findByRole('status');
  expect(status.textContent).toContain('Saved — it will be sent when you’re back online.');
  const waiting = w.outbox().filter((m) => m.type === 'feedback');
  expect(waiting).toHaveLength(1);
  expect(waiting[0]).toMatchObject({ message: 'Checkout button does nothing' });
  expect(await axeViolations(w.widget.host!)).toEqual([]);
});

test('once the network is back and the outbox delivers it, the saved feedback shows as sent', async () => {
  const clock = fakeClock();
  w = await renderWidget();
  await openDialog(w);
  w.server.state.offline = true;
  fireEvent.input(w.screen.getByLabelText('Your message'), { target: { value: 'Typo on /about' } });
  clock.pass();
  fireEvent.click(w.screen.getByRole('button', { name: 'Send' }));
  await w.screen.findByText('Saved — it will be sent when you’re back online.');

  w.server.state.offline = false;
  await w.client.flush();
  await w.screen.findByText('Sent — we read every message.');
  expect(w.server.state.messages.filter((m) => m.type === 'feedback')).toEqual([
    expect.objectContaining({ message: 'Typo on /about' }),
  ]);
  expect(w.outbox()).toEqual([]);
});

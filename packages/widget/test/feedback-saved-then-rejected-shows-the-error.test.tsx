import { fireEvent } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { fakeClock } from './helpers/fill-time';
import { openDialog, type RenderedWidget, renderWidget } from './helpers/render-widget';

let w: RenderedWidget;
afterEach(() => {
  w?.cleanup();
  vi.useRealTimers();
});

test('feedback saved offline and later rejected by the server is no longer shown as saved', async () => {
  const clock = fakeClock();
  w = await renderWidget();
  await openDialog(w);
  w.server.state.offline = true;
  fireEvent.input(w.screen.getByLabelText('Your message'), { target: { value: 'Broken link' } });
  clock.pass();
  fireEvent.click(w.screen.getByRole('button', { name: 'Send' }));
  await w.screen.findByText('Saved — it will be sent when you’re back online.');

  w.server.state.offline = false;
  w.server.state.rejecting.add('feedback');
  await w.client.flush();

  // The visitor gets the text back with an error, instead of a promise that will not be kept.
  const field = (await w.screen.findByLabelText('Your message')) as HTMLTextAreaElement;
  expect(field.value).toBe('Broken link');
  expect(w.screen.queryByText('Saved — it will be sent when you’re back online.')).toBeNull();
  expect(w.screen.getByRole('alert').textContent).toBeTruthy();
  expect(w.outbox()).toEqual([]);
});

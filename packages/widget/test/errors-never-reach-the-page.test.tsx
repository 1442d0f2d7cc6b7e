import type { RapportClient, RapportErrorLike } from '@rapport/sdk';
import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { mount } from '../src/mount';
import { fakeRetryTimers } from './helpers/read-retries';
import { openDialog, type RenderedWidget, renderWidget } from './helpers/render-widget';

let w: RenderedWidget;
afterEach(() => {
  w?.cleanup();
  vi.useRealTimers();
});

test('a panel that crashes on bad server data is contained and reported', async () => {
  w = await renderWidget({}, { userId: 'jane' });
  const errors: RapportErrorLike[] = [];
  w.client.on('error', ({ error }) => errors.push(error));
  // A malformed answer: rewards missing. Rendering it throws inside the panel.
  w.server.state.loyalty = { ...w.server.state.loyalty, rewards: null as never };
  await openDialog(w, 'Rewards');
  await w.screen.findByText(/Something went wrong/);
  expect(errors.some((e) => e.code === 'internal')).toBe(true);
  // The rest of the widget still works.
  fireEvent.click(w.screen.getByRole('tab', { name: 'Feedback' }));
  expect(w.screen.getByLabelText('Your message')).toBeTruthy();
});

test('mount reports instead of throwing when it cannot render', () => {
  const errors: RapportErrorLike[] = [];
  const client = {
    on: () => () => {},
    emit: (_: string, payload: { error: RapportErrorLike }) => errors.push(payload.error),
  } as unknown as RapportClient;
  const broken = {
    appendChild: () => {
      throw new Error('not a node');
    },
  } as unknown as HTMLElement;
  const handle = mount(client, { container: broken });
  expect(errors).toEqual([expect.objectContaining({ code: 'internal' })]);
  expect(() => {
    handle.open();
    handle.close();
    handle.unmount();
  }).not.toThrow();
});

test('a throwing error listener does not turn a reported error into an exception', async () => {
  w = await renderWidget({}, { userId: 'jane' });
  w.client.on('error', () => {
    throw new Error('listener bug');
  });
  w.server.state.failing.add('/v1/loyalty');
  const timers = fakeRetryTimers();
  await openDialog(w, 'Rewards');
  await timers.exhaust();
  await waitFor(() => expect(w.screen.getByRole('alert')).toBeTruthy());
});

import { afterEach, expect, test } from 'vitest';
import { openDialog, type RenderedWidget, renderWidget } from './helpers/render-widget';

let w: RenderedWidget;
afterEach(() => w?.cleanup());

test('after optOut the Rewards tab shows the guest view, not a failed load of the old user', async () => {
  w = await renderWidget({}, { userId: 'jane' });
  await openDialog(w, 'Rewards');
  await w.screen.findByText('320 points');

  w.client.optOut();

  // The identity is gone, so nothing personal can be loaded any more: the visitor is a guest.
  await w.screen.findByRole('heading', { name: 'Join our rewards' });
  expect(w.screen.queryByText('320 points')).toBeNull();
  expect(w.screen.queryByRole('alert')).toBeNull();
});

test('after reset the Rewards tab shows the guest view too', async () => {
  w = await renderWidget({}, { userId: 'jane' });
  await openDialog(w, 'Rewards');
  await w.screen.findByText('320 points');

  w.client.reset();

  await w.screen.findByRole('heading', { name: 'Join our rewards' });
  expect(w.screen.queryByText('320 points')).toBeNull();
});

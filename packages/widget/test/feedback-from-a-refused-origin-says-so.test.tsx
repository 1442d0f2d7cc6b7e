import type { RapportErrorLike } from '@rapport/sdk';
import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { createFakeServer } from './helpers/fake-server';
import { fakeClock } from './helpers/fill-time';
import { openDialog, type RenderedWidget, renderWidget } from './helpers/render-widget';

let w: RenderedWidget;
afterEach(() => {
  w?.cleanup();
  vi.useRealTimers();
});

test('when the server refuses the page’s origin, the form says the site is not set up, not “offline”', async () => {
  const clock = fakeClock();
  w = await renderWidget({}, { server: createFakeServer({ refusingOrigin: true }) });
  const errors: RapportErrorLike[] = [];
  w.client.on('error', ({ error }) => errors.push(error));
  await openDialog(w);
  fireEvent.input(w.screen.getByLabelText('Your message'), {
    target: { value: 'The size guide is wrong' },
  });
  clock.pass();
  fireEvent.click(w.screen.getByRole('button', { name: 'Send' }));

  const alert = await w.screen.findByRole('alert');
  expect(alert.textContent).toContain('not set up to receive them');
  expect(w.shadow.textContent).not.toContain('back online');
  expect((w.screen.getByLabelText('Your message') as HTMLTextAreaElement).value).toBe(
    'The size guide is wrong',
  );
  await waitFor(() => expect(errors.map((e) => e.code)).toContain('origin_not_allowed'));
});

import { RapportError, type RapportErrorLike } from '@rapport/sdk';
import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { axeViolations } from './helpers/axe';
import { fakeClock } from './helpers/fill-time';
import { openDialog, type RenderedWidget, renderWidget } from './helpers/render-widget';

let w: RenderedWidget;
afterEach(() => {
  w?.cleanup();
  vi.useRealTimers();
});

test('a rejected submission shows an inline error, keeps the text and reports the error', async () => {
  const clock = fakeClock();
  w = await renderWidget();
  const errors: RapportErrorLike[] = [];
  w.client.on('error', ({ error }) => errors.push(error));
  // The SDK refuses this write (as it does for arguments the server would reject).
  vi.spyOn(w.client, 'feedback').mockRejectedValue(
    new RapportError('invalid_argument', 'email is not valid'),
  );
  await openDialog(w);
  fireEvent.input(w.screen.getByLabelText('Your message'), {
    target: { value: 'Long story about a bug' },
  });
  clock.pass();
  fireEvent.click(w.screen.getByRole('button', { name: 'Send' }));

  const alert = await w.screen.findByRole('alert');
  expect(alert.textContent).toContain('Your text is kept');
  expect((w.screen.getByLabelText('Your message') as HTMLTextAreaElement).value).toBe(
    'Long story about a bug',
  );
  await waitFor(() => expect(errors.map((e) => e.code)).toEqual(['invalid_argument']));
  expect(await axeViolations(w.widget.host!)).toEqual([]);
});

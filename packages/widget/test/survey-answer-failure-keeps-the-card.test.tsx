import { RapportError } from '@rapport/sdk';
import { fireEvent } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { axeViolations } from './helpers/axe';
import { createFakeServer } from './helpers/fake-server';
import { type RenderedWidget, renderWidget } from './helpers/render-widget';
import { NPS } from './helpers/surveys';

let w: RenderedWidget;
afterEach(() => w?.cleanup());

test('a refused answer shows an error, keeps score and comment, and can be sent again', async () => {
  w = await renderWidget({}, { server: createFakeServer({ surveys: [NPS] }) });
  const respond = vi.spyOn(w.client.surveys, 'respond');
  await w.screen.findByRole('radiogroup');
  // The pick is sent at once and goes through; the Send after it is refused.
  fireEvent.click(w.screen.getByRole('radio', { name: '4' }));
  respond.mockRejectedValueOnce(new RapportError('invalid_argument', 'comment is too long'));
  fireEvent.input(w.screen.getByLabelText('Sorry to hear it. What went wrong?'), {
    target: { value: 'Late delivery' },
  });
  fireEvent.click(w.screen.getByRole('button', { name: 'Send answer' }));

  const alert = await w.screen.findByRole('alert');
  expect(alert.textContent).toBe('We couldn’t send your answer. Please try again.');
  expect(w.screen.getByRole('radio', { name: '4' }).getAttribute('aria-checked')).toBe('true');
  expect(
    (w.screen.getByLabelText('Sorry to hear it. What went wrong?') as HTMLTextAreaElement).value,
  ).toBe('Late delivery');
  expect(await axeViolations(w.widget.host!)).toEqual([]);

  fireEvent.click(w.screen.getByRole('button', { name: 'Send answer' }));
  await w.screen.findByText('Thank you for your answer!');
  expect(respond).toHaveBeenCalledTimes(3);
  expect(respond).toHaveBeenLastCalledWith('nps-q4', {
    responseId: expect.any(String),
    score: 4,
    comment: 'Late delivery',
  });
});

import type { WriteReceipt } from '@rapport/sdk';
import { fireEvent } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { createFakeServer } from './helpers/fake-server';
import { type RenderedWidget, renderWidget } from './helpers/render-widget';
import { CSAT, NPS } from './helpers/surveys';

let w: RenderedWidget;
afterEach(() => w?.cleanup());

test('while an answer is sending its button says so and is disabled, with no error shown', async () => {
  w = await renderWidget({}, { server: createFakeServer({ surveys: [NPS] }) });
  let settle!: (receipt: WriteReceipt) => void;
  vi.spyOn(w.client.surveys, 'respond').mockReturnValue(
    new Promise<WriteReceipt>((resolve) => {
      settle = resolve;
    }),
  );
  await w.screen.findByRole('radiogroup');
  fireEvent.click(w.screen.getByRole('radio', { name: '9' }));
  expect(w.screen.queryByRole('alert')).toBeNull();
  const submit = w.screen.getByRole('button', { name: 'Send answer' }) as HTMLButtonElement;
  expect(submit.disabled).toBe(false);

  fireEvent.click(submit);
  const sending = (await w.screen.findByRole('button', { name: 'Sending…' })) as HTMLButtonElement;
  expect(sending.disabled).toBe(true);
  expect(w.screen.queryByRole('alert')).toBeNull();

  settle({ id: 'm1', status: 'sent' });
  await w.screen.findByText('Thank you for your answer!');
});

test('CSAT asks for a comment only once a score is picked, and its ends are captioned', async () => {
  w = await renderWidget({}, { server: createFakeServer({ surveys: [CSAT] }) });
  await w.screen.findByRole('radiogroup');
  expect(w.shadow.querySelector('#rapport-survey-comment')).toBeNull();
  expect(w.screen.getByText('Very unsatisfied')).toBeTruthy();
  expect(w.screen.getByText('Very satisfied')).toBeTruthy();
  fireEvent.click(w.screen.getAllByRole('radio')[4]!);
  expect(w.shadow.querySelector('#rapport-survey-comment')).not.toBeNull();
});

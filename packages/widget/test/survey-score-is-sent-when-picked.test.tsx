import type { Message } from '@rapport/sdk';
import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { createFakeServer } from './helpers/fake-server';
import { type RenderedWidget, renderWidget } from './helpers/render-widget';
import { NPS } from './helpers/surveys';

// Issue 13, item 2: a score picked without pressing "Send answer" is not lost.
let w: RenderedWidget;
afterEach(() => w?.cleanup());

type SurveyResponse = Extract<Message, { type: 'survey_response' }>;

function answers(server: ReturnType<typeof createFakeServer>): SurveyResponse[] {
  return server.state.messages.filter((m): m is SurveyResponse => m.type === 'survey_response');
}

test('a picked score reaches the server when the card is closed without Send', async () => {
  const server = createFakeServer({ surveys: [NPS] });
  w = await renderWidget({}, { server });
  await w.screen.findByRole('radiogroup');
  fireEvent.click(w.screen.getByRole('radio', { name: '7' }));
  fireEvent.click(w.screen.getByRole('button', { name: 'Dismiss survey' }));
  await waitFor(() => expect(w.screen.queryByRole('radiogroup')).toBeNull());

  await waitFor(() =>
    expect(answers(server)).toEqual([
      expect.objectContaining({ surveyId: 'nps-q4', score: 7, responseId: expect.any(String) }),
    ]),
  );
  // An answer was given, so closing is not a dismissal.
  expect(server.state.messages.some((m) => m.type === 'track')).toBe(false);
});

test('Send with a comment updates the same response instead of adding a second one', async () => {
  const server = createFakeServer({ surveys: [NPS] });
  w = await renderWidget({}, { server });
  await w.screen.findByRole('radiogroup');
  fireEvent.click(w.screen.getByRole('radio', { name: '3' }));
  fireEvent.click(w.screen.getByRole('radio', { name: '9' }));
  fireEvent.input(w.screen.getByLabelText('Great! What do you love most?'), {
    target: { value: 'The app' },
  });
  fireEvent.click(w.screen.getByRole('button', { name: 'Send answer' }));
  await w.screen.findByText('Thank you for your answer!');

  await waitFor(() => expect(answers(server).at(-1)).toMatchObject({ comment: 'The app' }));
  const sent = answers(server);
  // Every step names one response; the last one carries the final score and the comment.
  expect(new Set(sent.map((m) => m.responseId)).size).toBe(1);
  expect(sent[0]?.responseId).toMatch(/^[0-9a-f]{32}$/);
  expect(sent.map((m) => [m.score, m.comment])).toEqual([
    [3, undefined],
    [9, undefined],
    [9, 'The app'],
  ]);
});

test('arrow keys send only the score they settle on, and closing sends it at once', async () => {
  const server = createFakeServer({ surveys: [NPS] });
  w = await renderWidget({}, { server });
  await w.screen.findByRole('radiogroup');
  const step = (key: string) => fireEvent.keyDown(w.screen.getAllByRole('radio')[0]!, { key });
  // From nothing to 9 passes through every detractor score: none of them is sent.
  for (let n = 0; n < 10; n++) step('ArrowRight');
  expect(w.screen.getByRole('radio', { name: '9' }).getAttribute('aria-checked')).toBe('true');
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(answers(server)).toEqual([]);
  await waitFor(() => expect(answers(server).map((m) => m.score)).toEqual([9]), {
    timeout: 3000,
  });

  step('End');
  fireEvent.click(w.screen.getByRole('button', { name: 'Dismiss survey' }));
  // Well before the keys would have settled.
  await waitFor(() => expect(answers(server).map((m) => m.score)).toEqual([9, 10]), {
    timeout: 400,
  });
  expect(new Set(answers(server).map((m) => m.responseId)).size).toBe(1);
  expect(server.state.messages.some((m) => m.type === 'track')).toBe(false);
});

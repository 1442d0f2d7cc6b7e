import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { axeViolations } from './helpers/axe';
import { createFakeServer, USER_HASH } from './helpers/fake-server';
import { type RenderedWidget, renderWidget } from './helpers/render-widget';
import { NPS } from './helpers/surveys';

let w: RenderedWidget;
afterEach(() => w?.cleanup());

test('an answered survey is sent, emits shown and answered, and is not shown again', async () => {
  const server = createFakeServer({ surveys: [NPS] });
  const events: string[] = [];
  w = await renderWidget({}, { server });
  for (const name of ['survey:shown', 'survey:answered', 'survey:dismissed'] as const) {
    w.client.on(name, (payload) => events.push(`${name} ${JSON.stringify(payload)}`));
  }
  // The card may have been shown before the listeners: wait for it, then answer.
  await w.screen.findByRole('radiogroup');
  fireEvent.click(w.screen.getByRole('radio', { name: '9' }));
  fireEvent.input(w.screen.getByLabelText('Great! What do you love most?'), {
    target: { value: 'The app' },
  });
  fireEvent.click(w.screen.getByRole('button', { name: 'Send answer' }));

  await w.screen.findByText('Thank you for your answer!');
  expect(await axeViolations(w.widget.host!)).toEqual([]);
  expect(events).toContain('survey:answered {"surveyId":"nps-q4","score":9}');
  const responses = server.state.messages.filter((m) => m.type === 'survey_response');
  // The score when picked, then the follow-up: two steps of one response.
  expect(responses).toEqual([
    expect.objectContaining({ surveyId: 'nps-q4', score: 9 }),
    expect.objectContaining({ surveyId: 'nps-q4', score: 9, comment: 'The app' }),
  ]);
  expect(responses[1]?.responseId).toBe(responses[0]?.responseId);

  fireEvent.click(w.screen.getByRole('button', { name: 'Dismiss survey' }));
  await waitFor(() => expect(w.screen.queryByRole('radiogroup')).toBeNull());
  // Closing after an answer is not a dismissal.
  expect(events.some((e) => e.startsWith('survey:dismissed'))).toBe(false);

  // identify asks the server again; it still offers the survey, the widget does not repeat it.
  const before = server.state.requests.filter((r) => r.endsWith('/eligible')).length;
  await w.client.identify('jane', undefined, { userHash: USER_HASH });
  await waitFor(() =>
    expect(server.state.requests.filter((r) => r.endsWith('/eligible')).length).toBe(before + 1),
  );
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(w.screen.queryByRole('radiogroup')).toBeNull();
});

test('survey:shown is emitted when the card appears', async () => {
  const server = createFakeServer({ surveys: [{ ...NPS, delaySeconds: 0 }] });
  const shown: unknown[] = [];
  w = await renderWidget({ panels: ['surveys'] }, { server });
  w.client.on('survey:shown', (payload) => shown.push(payload));
  await w.screen.findByRole('radiogroup');
  await waitFor(() => expect(shown).toEqual([{ surveyId: 'nps-q4' }]));
});

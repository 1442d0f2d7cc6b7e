import { fireEvent } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { axeViolations } from './helpers/axe';
import { createFakeServer } from './helpers/fake-server';
import { type RenderedWidget, renderWidget } from './helpers/render-widget';
import { CSAT } from './helpers/surveys';

let w: RenderedWidget;
afterEach(() => w?.cleanup());

test('CSAT offers 1–5 with spoken labels and sends the chosen score', async () => {
  const server = createFakeServer({ surveys: [CSAT] });
  w = await renderWidget({}, { server });
  await w.screen.findByRole('radiogroup', { name: CSAT.question });
  expect(w.screen.getAllByRole('radio').map((r) => r.getAttribute('aria-label'))).toEqual([
    '1, Very unsatisfied',
    '2, Unsatisfied',
    '3, Neutral',
    '4, Satisfied',
    '5, Very satisfied',
  ]);
  expect(await axeViolations(w.widget.host!)).toEqual([]);
  fireEvent.click(w.screen.getByRole('radio', { name: '4, Satisfied' }));
  fireEvent.click(w.screen.getByRole('button', { name: 'Send answer' }));
  await w.screen.findByText('Thank you for your answer!');
  // Sent when picked, then again on Send: two steps of one response.
  const sent = server.state.messages.filter((m) => m.type === 'survey_response');
  expect(sent).toEqual([
    expect.objectContaining({ surveyId: 'csat-checkout', score: 4 }),
    expect.objectContaining({ surveyId: 'csat-checkout', score: 4 }),
  ]);
  expect(sent[1]?.responseId).toBe(sent[0]?.responseId);
});

import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { createCommandApi } from '../src/loader/command-api';
import { createFakeServer } from './helpers/fake-server';
import { type RenderedWidget, renderWidget } from './helpers/render-widget';
import { CSAT, NPS } from './helpers/surveys';

let w: RenderedWidget;
afterEach(() => w?.cleanup());

test('open("survey", id) shows a running survey the server would not offer, at once', async () => {
  // Eligibility offers nothing (targeting, sampling or recontact say no); the survey runs.
  const server = createFakeServer({ surveys: [], running: [{ ...CSAT, delaySeconds: 30 }] });
  w = await renderWidget({ panels: ['surveys'] }, { server });

  w.widget.open('survey', 'csat-checkout');

  // Shown now, not after the survey's delay: the page asked for it.
  await w.screen.findByText('How was checking out today?');
  expect(server.state.requests).toContain('GET /v1/surveys/csat-checkout');
});

test('a survey answered on this page shows again when the page asks for it', async () => {
  const server = createFakeServer({ surveys: [NPS] });
  w = await renderWidget({ panels: ['surveys'] }, { server });
  await w.screen.findByRole('radiogroup');
  fireEvent.click(w.screen.getByRole('radio', { name: '9' }));
  fireEvent.click(w.screen.getByRole('button', { name: 'Send answer' }));
  await w.screen.findByText('Thank you for your answer!');
  fireEvent.click(w.screen.getByRole('button', { name: 'Dismiss survey' }));
  await waitFor(() => expect(w.screen.queryByRole('radiogroup')).toBeNull());

  w.widget.open('survey', 'nps-q4');

  await w.screen.findByRole('radiogroup');
});

test('an unknown or paused survey is reported as not_found, and nothing throws', async () => {
  w = await renderWidget({ panels: ['surveys'] });
  const errors: string[] = [];
  w.client.on('error', ({ error }) => errors.push(error.code));

  expect(() => w.widget.open('survey', 'no-such-survey')).not.toThrow();

  await waitFor(() => expect(errors).toEqual(['not_found']));
  expect(w.screen.queryByRole('radiogroup')).toBeNull();
});

test('the script tag command takes the survey id after "survey"', async () => {
  const server = createFakeServer({ running: [CSAT] });
  w = await renderWidget({ panels: ['surveys'] }, { server });
  const rapport = createCommandApi(() => ({ client: w.client, widget: w.widget }));
  rapport('init', { key: 'pk_test' });

  rapport('open', 'survey', 'csat-checkout');

  await w.screen.findByText('How was checking out today?');
});

import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { createFakeServer } from './helpers/fake-server';
import { openDialog, type RenderedWidget, renderWidget } from './helpers/render-widget';
import { NPS } from './helpers/surveys';

let w: RenderedWidget;
afterEach(() => w?.cleanup());

test('a survey due while the dialog is open waits, then shows once it closes', async () => {
  const server = createFakeServer({ surveys: [NPS] });
  const shown: unknown[] = [];
  w = await renderWidget({}, { server });
  w.client.on('survey:shown', (payload) => shown.push(payload));
  await openDialog(w);
  await waitFor(() => expect(server.state.requests).toContain('GET /v1/surveys/eligible'));
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(w.screen.queryByRole('radiogroup')).toBeNull();
  expect(shown).toEqual([]);

  fireEvent.click(w.screen.getByRole('button', { name: 'Close' }));
  await w.screen.findByRole('radiogroup', { name: NPS.question });
  await waitFor(() => expect(shown).toEqual([{ surveyId: 'nps-q4' }]));
});

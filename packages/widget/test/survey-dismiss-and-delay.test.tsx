import { act, fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { createFakeServer, USER_HASH } from './helpers/fake-server';
import { type RenderedWidget, renderWidget } from './helpers/render-widget';
import { NPS } from './helpers/surveys';

let w: RenderedWidget;
afterEach(() => {
  w?.cleanup();
  vi.useRealTimers();
});

test('a survey waits for its delaySeconds before it appears', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const server = createFakeServer({ surveys: [{ ...NPS, delaySeconds: 30 }] });
  w = await renderWidget({}, { server });
  await vi.waitFor(() => expect(server.state.requests).toContain('GET /v1/surveys/eligible'));
  await act(async () => {
    await vi.advanceTimersByTimeAsync(29_000);
  });
  expect(w.screen.queryByRole('radiogroup')).toBeNull();
  await act(async () => {
    await vi.advanceTimersByTimeAsync(1_000);
  });
  expect(w.screen.getByRole('radiogroup', { name: NPS.question })).toBeTruthy();
});

test('dismissing emits survey:dismissed, tells the server, and the survey stays away', async () => {
  const server = createFakeServer({ surveys: [NPS] });
  w = await renderWidget({}, { server });
  const dismissed: unknown[] = [];
  w.client.on('survey:dismissed', (payload) => dismissed.push(payload));
  await w.screen.findByRole('radiogroup');
  fireEvent.click(w.screen.getByRole('button', { name: 'Dismiss survey' }));

  await waitFor(() => expect(w.screen.queryByRole('radiogroup')).toBeNull());
  expect(dismissed).toEqual([{ surveyId: 'nps-q4' }]);
  await waitFor(() =>
    expect(server.state.messages).toContainEqual(
      expect.objectContaining({
        type: 'track',
        event: '$survey_dismissed',
        properties: { surveyId: 'nps-q4' },
      }),
    ),
  );
  await w.client.identify('jane', undefined, { userHash: USER_HASH });
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(w.screen.queryByRole('radiogroup')).toBeNull();
});

test('Esc inside the survey card dismisses it', async () => {
  w = await renderWidget({}, { server: createFakeServer({ surveys: [NPS] }) });
  const radio = (await w.screen.findAllByRole('radio'))[0]!;
  fireEvent.keyDown(radio, { key: 'Escape' });
  await waitFor(() => expect(w.screen.queryByRole('radiogroup')).toBeNull());
});

test('with the surveys panel off, eligible surveys are not even asked for', async () => {
  const server = createFakeServer({ surveys: [NPS] });
  w = await renderWidget({ panels: ['feedback'] }, { server });
  await waitFor(() => expect(server.state.requests).toContain('GET /v1/config'));
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(server.state.requests).not.toContain('GET /v1/surveys/eligible');
  expect(w.screen.queryByRole('radiogroup')).toBeNull();
});

test('unmounting before a delayed survey is due leaves nothing scheduled', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const server = createFakeServer({ surveys: [{ ...NPS, delaySeconds: 5 }] });
  w = await renderWidget({}, { server });
  await vi.waitFor(() => expect(server.state.requests).toContain('GET /v1/surveys/eligible'));
  const shown: unknown[] = [];
  w.client.on('survey:shown', (payload) => shown.push(payload));
  w.widget.unmount();
  expect(vi.getTimerCount()).toBe(0);
  await vi.advanceTimersByTimeAsync(10_000);
  expect(shown).toEqual([]);
});

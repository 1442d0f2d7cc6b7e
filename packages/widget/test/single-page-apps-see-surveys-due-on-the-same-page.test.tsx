import { waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { createFakeServer } from './helpers/fake-server';
import { type RenderedWidget, renderWidget } from './helpers/render-widget';
import { NPS } from './helpers/surveys';

let w: RenderedWidget;
const start = location.href;
afterEach(() => {
  w?.cleanup();
  history.replaceState(null, '', start);
});

const eligibleAsks = (w: RenderedWidget) =>
  w.server.state.requests.filter((r) => r.endsWith('/v1/surveys/eligible')).length;

test('a tracked event makes an event-targeted survey show on the same page', async () => {
  const server = createFakeServer({ surveys: [] });
  w = await renderWidget({ panels: ['surveys'] }, { server });
  await waitFor(() => expect(eligibleAsks(w)).toBe(1));
  // The server now knows the event, so it offers the survey targeted at it.
  server.state.surveys = [{ ...NPS, delaySeconds: 0 }];

  await w.client.track('Checkout completed');

  await w.screen.findByRole('radiogroup');
  expect(eligibleAsks(w)).toBe(2);
});

test('a dismissal is not a new fact: it does not ask the server again', async () => {
  const server = createFakeServer({ surveys: [] });
  w = await renderWidget({ panels: ['surveys'] }, { server });
  await waitFor(() => expect(eligibleAsks(w)).toBe(1));

  await w.client.surveys.dismiss('nps-q4');
  await new Promise((resolve) => setTimeout(resolve, 20));

  expect(eligibleAsks(w)).toBe(1);
});

test('with trackPages, a pushState navigation is a page view and its survey shows', async () => {
  const server = createFakeServer({ surveys: [] });
  w = await renderWidget({ panels: ['surveys'], trackPages: true }, { server });
  await waitFor(() => expect(eligibleAsks(w)).toBe(1));
  server.state.surveys = [{ ...NPS, delaySeconds: 0 }];

  history.pushState(null, '', '/cart');

  await w.screen.findByRole('radiogroup');
  const pages = server.state.messages.filter((m) => m.type === 'page');
  expect(pages).toEqual([expect.objectContaining({ url: expect.stringMatching(/\/cart$/) })]);
});

test('with trackPages, the back button is a page view and a #fragment alone is not', async () => {
  w = await renderWidget({ panels: ['feedback'], trackPages: true });
  const pageUrls = () =>
    w.server.state.messages.flatMap((m) => (m.type === 'page' ? [new URL(m.url).pathname] : []));

  history.pushState(null, '', '#reviews');
  history.pushState(null, '', '/account');
  await waitFor(() => expect(pageUrls()).toEqual(['/account']));
  history.back();
  await waitFor(() => expect(pageUrls()).toEqual(['/account', new URL(start).pathname]));
});

test('without trackPages nothing is sent, and unmounting gives history its own methods back', async () => {
  const own = history.pushState;
  w = await renderWidget({ panels: ['feedback'], trackPages: true });
  expect(history.pushState).not.toBe(own);
  w.cleanup();
  expect(history.pushState).toBe(own);

  w = await renderWidget({ panels: ['feedback'] });
  history.pushState(null, '', '/elsewhere');
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(w.server.state.messages.filter((m) => m.type === 'page')).toEqual([]);
});

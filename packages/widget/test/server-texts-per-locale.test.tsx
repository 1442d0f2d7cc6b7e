import { waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { createFakeServer } from './helpers/fake-server';
import { openDialog, type RenderedWidget, renderWidget } from './helpers/render-widget';

let w: RenderedWidget;
afterEach(() => w?.cleanup());

function serverWithOverrides() {
  const server = createFakeServer();
  server.state.config.texts = { title: 'Talk to Acme', send: 'Send it' };
  server.state.config.textsByLocale = {
    fr: { title: 'Parlez à Acme' },
    en: { send: 'Send to Acme' },
  };
  return server;
}

test('a French visitor sees the French override, and the built-in French for the rest', async () => {
  const server = serverWithOverrides();
  w = await renderWidget({ locale: 'fr-BE' }, { server });
  await waitFor(() => expect(server.state.requests).toContain('GET /v1/config'));
  await openDialog(w);
  await w.screen.findByRole('heading', { name: 'Parlez à Acme' });
  // The override for every language still applies where French has none of its own.
  expect(w.screen.getByRole('button', { name: 'Send it' })).toBeTruthy();
  expect(w.shadow.textContent).not.toContain('Send to Acme');
});

test('an English visitor sees the English overrides and never the French ones', async () => {
  const server = serverWithOverrides();
  w = await renderWidget({ locale: 'en-GB' }, { server });
  await waitFor(() => expect(server.state.requests).toContain('GET /v1/config'));
  await openDialog(w);
  await w.screen.findByRole('heading', { name: 'Talk to Acme' });
  expect(w.screen.getByRole('button', { name: 'Send to Acme' })).toBeTruthy();
  expect(w.shadow.textContent).not.toContain('Parlez à Acme');
});

test('a malformed textsByLocale is ignored, not thrown', async () => {
  const server = createFakeServer();
  server.state.config.textsByLocale = { fr: 'oops' } as never;
  w = await renderWidget({ locale: 'fr' }, { server });
  await waitFor(() => expect(server.state.requests).toContain('GET /v1/config'));
  await openDialog(w);
  await w.screen.findByRole('heading', { name: 'Comment pouvons-nous vous aider ?' });
});

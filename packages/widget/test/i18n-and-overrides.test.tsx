import { waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { en } from '../src/i18n/en';
import { fr } from '../src/i18n/fr';
import { axeViolations } from './helpers/axe';
import { createFakeServer } from './helpers/fake-server';
import { openDialog, type RenderedWidget, renderWidget } from './helpers/render-widget';

let w: RenderedWidget;
afterEach(() => w?.cleanup());

test('French is complete: every English key has a French string of its own', () => {
  expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  const same = Object.keys(en).filter(
    (key) => en[key as keyof typeof en] === fr[key as keyof typeof fr],
  );
  // Words that are the same in both languages.
  expect(same.sort()).toEqual(['cost', 'points', 'tabInbox', 'tabs'].sort());
});

test('locale "fr-CA" renders the widget in French', async () => {
  w = await renderWidget({ locale: 'fr-CA' });
  const dialog = await openDialog(w);
  expect(dialog.getAttribute('aria-labelledby')).toBe('rapport-title');
  expect(w.screen.getByRole('heading', { name: 'Comment pouvons-nous vous aider ?' })).toBeTruthy();
  expect(w.screen.getByRole('button', { name: 'Envoyer' })).toBeTruthy();
  expect(w.shadow.querySelector('.root')?.getAttribute('lang')).toBe('fr-CA');
  expect(await axeViolations(w.widget.host!)).toEqual([]);
});

test('texts from the options win over the server’s, which win over the locale', async () => {
  const server = createFakeServer();
  server.state.config.texts = { title: 'Server title', send: 'Server send' };
  w = await renderWidget({ texts: { title: 'Talk to Acme' } }, { server });
  await waitFor(() => expect(server.state.requests).toContain('GET /v1/config'));
  await openDialog(w);
  await w.screen.findByRole('heading', { name: 'Talk to Acme' });
  expect(w.screen.getByRole('button', { name: 'Server send' })).toBeTruthy();
  expect(w.screen.getByLabelText('Your message')).toBeTruthy();
});

test('switching the locale while mounted re-renders every string in the new language', async () => {
  w = await renderWidget();
  await openDialog(w);
  expect(w.screen.getByRole('tab', { name: 'Rewards' })).toBeTruthy();
  w.widget.update({ locale: 'fr' });
  await w.screen.findByRole('heading', { name: 'Comment pouvons-nous vous aider ?' });
  expect(w.screen.getByRole('tab', { name: 'Récompenses' })).toBeTruthy();
  expect(w.screen.getByLabelText('Votre message')).toBeTruthy();
  expect(w.screen.getByRole('button', { name: 'Ouvrir les avis et récompenses' })).toBeTruthy();
  w.widget.update({ locale: 'en', texts: { send: 'Send it' } });
  await w.screen.findByRole('button', { name: 'Send it' });
});

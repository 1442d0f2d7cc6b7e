import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { fillTraits } from '../src/i18n/fill-traits';
import { createFakeServer } from './helpers/fake-server';
import { openDialog, type RenderedWidget, renderWidget } from './helpers/render-widget';

let w: RenderedWidget;
afterEach(() => w?.cleanup());

const HOSTILE = '<img src=x onerror="alert(1)"><b>Ana</b>';

function serverWith(loyalty: Record<string, unknown>) {
  const server = createFakeServer();
  server.state.loyalty = { ...server.state.loyalty, ...loyalty };
  return server;
}

async function greetingIn(locale: string, loyalty: Record<string, unknown>, tab = 'Rewards') {
  const server = serverWith(loyalty);
  w = await renderWidget({ locale }, { server, userId: 'ana' });
  if (locale !== 'en')
    await waitFor(() => expect(server.state.requests).toContain('GET /v1/config'));
  await openDialog(w, tab);
  await w.screen.findByRole('progressbar');
  return w.shadow.querySelector('.greeting')?.textContent;
}

describe('the loyalty panel greets by tier and name', () => {
  test('the built-in English greeting names the tier, and the customer when the trait is set', async () => {
    expect(await greetingIn('en', { traits: { firstName: 'Ana' } })).toBe(
      'Hi Ana, thank you for being a Silver member.',
    );
    w.cleanup();
    expect(await greetingIn('en', { traits: {} })).toBe(
      'Hi there, thank you for being a Silver member.',
    );
    w.cleanup();
    expect(await greetingIn('en', { tier: null, traits: { firstName: 'Ana' } })).toBe('Hi Ana!');
  });

  test('the built-in French greeting drops the name it does not have', async () => {
    expect(await greetingIn('fr', { traits: { firstName: 'Ana' } }, 'Récompenses')).toBe(
      'Bonjour Ana, merci d’être membre Silver.',
    );
    w.cleanup();
    expect(await greetingIn('fr', { tier: null }, 'Récompenses')).toBe('Bonjour !');
  });

  test('the greeting the site owner wrote for the tier wins, with its placeholders filled', async () => {
    const tier = {
      name: 'Silver',
      threshold: 500,
      greeting: 'Welcome back, {firstName|friend}: {plan} {tier}',
    };
    expect(await greetingIn('en', { tier, traits: { firstName: 'Ana', plan: 'Pro' } })).toBe(
      'Welcome back, Ana: Pro Silver',
    );
    w.cleanup();
    expect(await greetingIn('en', { tier, traits: {} })).toBe('Welcome back, friend: Silver');
  });

  test('a trait holding markup is shown as text, never parsed', async () => {
    expect(await greetingIn('en', { traits: { firstName: HOSTILE } })).toBe(
      `Hi ${HOSTILE}, thank you for being a Silver member.`,
    );
    expect(w.shadow.querySelector('img')).toBeNull();
    expect(w.shadow.querySelector('.greeting b')).toBeNull();
  });
});

describe('the site owner’s texts', () => {
  test('a title greets the proven customer once their traits are read, "there" until then', async () => {
    const server = serverWith({ traits: { firstName: 'Ana' } });
    server.state.config.texts = {
      title: 'Hi {firstName|there}, how can we help?',
      points: 'one:{n} pt|other:{n} pts',
    };
    w = await renderWidget({}, { server, userId: 'ana' });
    await waitFor(() => expect(server.state.requests).toContain('GET /v1/config'));
    await openDialog(w);
    // Read behind the fallback, on the feedback tab, without opening Rewards.
    await w.screen.findByRole('heading', { name: 'Hi Ana, how can we help?' });
    expect(server.state.requests).toContain('GET /v1/loyalty');
    // The widget's own values in a site text are still the widget's.
    fireEvent.click(w.screen.getByRole('tab', { name: 'Rewards' }));
    await w.screen.findByText('320 pts');
  });

  test('a visitor who is not signed in gets the fallback and no personal read', async () => {
    const server = serverWith({ traits: { firstName: 'Ana' } });
    server.state.config.texts = { title: 'Hi {firstName|there}, how can we help?' };
    w = await renderWidget({}, { server });
    await waitFor(() => expect(server.state.requests).toContain('GET /v1/config'));
    await openDialog(w);
    await w.screen.findByRole('heading', { name: 'Hi there, how can we help?' });
    expect(server.state.requests).not.toContain('GET /v1/loyalty');
  });
});

test('placeholders: trait, fallback, nothing, and the widget’s own names kept', () => {
  expect(fillTraits('Hi {firstName}!', {})).toBe('Hi!');
  expect(fillTraits('Dear {title} {lastName|customer}', { lastName: 'Lovelace' })).toBe(
    'Dear Lovelace',
  );
  expect(fillTraits('{firstName}, welcome', { firstName: 'Ana' })).toBe('Ana, welcome');
  expect(fillTraits('{seats} seats on {plan}', { seats: 12, plan: 'Pro' })).toBe('12 seats on Pro');
  expect(fillTraits('{n} points, {firstName|you}', {}, new Set(['n']))).toBe('{n} points, you');
});

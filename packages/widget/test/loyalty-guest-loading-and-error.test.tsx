import { fireEvent } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { axeViolations } from './helpers/axe';
import { USER_HASH } from './helpers/fake-server';
import { openDialog, type RenderedWidget, renderWidget } from './helpers/render-widget';

let w: RenderedWidget;
afterEach(() => w?.cleanup());

test('anonymous visitors are invited to sign in and nothing personal is requested', async () => {
  w = await renderWidget({ signInUrl: '/login' });
  await openDialog(w, 'Rewards');
  expect(w.screen.getByRole('heading', { name: 'Join our rewards' })).toBeTruthy();
  expect(w.screen.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe('/login');
  expect(w.server.state.requests).not.toContain('GET /v1/loyalty');
  expect(await axeViolations(w.widget.host!)).toEqual([]);
});

test('after identify the guest view turns into the account', async () => {
  w = await renderWidget();
  await openDialog(w, 'Rewards');
  expect(w.screen.getByText('Join our rewards')).toBeTruthy();
  await w.client.identify('jane', undefined, { userHash: USER_HASH });
  await w.screen.findByText('320 points');
});

test('a failed load shows an error with a retry that recovers', async () => {
  w = await renderWidget({}, { userId: 'jane' });
  w.server.state.failing.add('/v1/loyalty');
  await openDialog(w, 'Rewards');
  const alert = await w.screen.findByRole('alert');
  expect(alert.textContent).toContain('We couldn’t load your rewards.');
  expect(await axeViolations(w.widget.host!)).toEqual([]);
  w.server.state.failing.clear();
  fireEvent.click(w.screen.getByRole('button', { name: 'Try again' }));
  await w.screen.findByText('320 points');
});

test('with no rewards and no activity the panel says so', async () => {
  w = await renderWidget({}, { userId: 'jane' });
  w.server.state.loyalty = { ...w.server.state.loyalty, rewards: [], activity: [] };
  await openDialog(w, 'Rewards');
  await w.screen.findByText('No rewards are available yet.');
  expect(w.screen.getByText('No activity yet — your points will show up here.')).toBeTruthy();
});

import { fireEvent } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { axeViolations } from './helpers/axe';
import { USER_HASH } from './helpers/fake-server';
import { fakeRetryTimers } from './helpers/read-retries';
import { openDialog, type RenderedWidget, renderWidget } from './helpers/render-widget';

let w: RenderedWidget;
afterEach(() => {
  w?.cleanup();
  vi.useRealTimers();
});

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

test('a load that keeps failing is retried, then shows an error with a retry button', async () => {
  w = await renderWidget({}, { userId: 'jane' });
  // After identify: the SDK's own outbox timers must run for real until then.
  const timers = fakeRetryTimers();
  w.server.state.failing.add('/v1/loyalty');
  await openDialog(w, 'Rewards');
  expect(w.screen.getByRole('status').textContent).toBe('Loading…');
  await timers.exhaust();
  const alert = await w.screen.findByRole('alert');
  expect(w.server.state.requests.filter((r) => r === 'GET /v1/loyalty')).toHaveLength(3);
  expect(alert.textContent).toContain('We couldn’t load your rewards.');
  expect(await axeViolations(w.widget.host!)).toEqual([]);
  w.server.state.failing.clear();
  fireEvent.click(w.screen.getByRole('button', { name: 'Try again' }));
  await w.screen.findByText('320 points');
});

test('a passing failure is retried and the visitor never sees an error', async () => {
  w = await renderWidget({}, { userId: 'jane' });
  // After identify: the SDK's own outbox timers must run for real until then.
  const timers = fakeRetryTimers();
  w.server.state.failing.add('/v1/loyalty');
  await openDialog(w, 'Rewards');
  await vi.waitFor(() => expect(w.server.state.requests).toContain('GET /v1/loyalty'));
  w.server.state.failing.clear();
  await timers.exhaust();
  await w.screen.findByText('320 points');
  expect(w.screen.queryByRole('alert')).toBeNull();
});

test('with no rewards and no activity the panel says so', async () => {
  w = await renderWidget({}, { userId: 'jane' });
  w.server.state.loyalty = { ...w.server.state.loyalty, rewards: [], activity: [] };
  await openDialog(w, 'Rewards');
  await w.screen.findByText('No rewards are available yet.');
  expect(w.screen.getByText('No activity yet — your points will show up here.')).toBeTruthy();
});

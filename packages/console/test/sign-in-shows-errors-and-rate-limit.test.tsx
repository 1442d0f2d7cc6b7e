import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { session } from '../src/store';
import { errorBody, HttpResponse, http, OWNER_SESSION, useMsw } from './msw';
import { renderApp } from './render-app';

async function signIn(email: string, password: string) {
  fireEvent.input(screen.getByLabelText('Email'), { target: { value: email } });
  fireEvent.input(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('the sign-in page', () => {
  const server = useMsw();

  it('shows the server’s message for a wrong password and stays signed out', async () => {
    server.use(
      http.post('*/v1/console/sign-in', () =>
        errorBody(401, 'invalid_credentials', 'Email or password is wrong.'),
      ),
    );
    renderApp('#/sign-in', null);
    await signIn('owner@example.test', 'not-the-password');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('Email or password is wrong.'),
    );
    expect(session.value).toBeNull();
  });

  it('says how long to wait when the server rate limits', async () => {
    server.use(
      http.post('*/v1/console/sign-in', () =>
        errorBody(429, 'rate_limited', 'Too many sign-in attempts.', { 'retry-after': '42' }),
      ),
    );
    renderApp('#/sign-in', null);
    await signIn('owner@example.test', 'again');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('Too many attempts, try again in 42 s.'),
    );
  });

  it('signs in with the trimmed email and the password as typed', async () => {
    let body: unknown;
    server.use(
      http.post('*/v1/console/sign-in', async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(OWNER_SESSION);
      }),
      http.get('*/v1/admin/feedback', () =>
        HttpResponse.json({ items: [], counts: { new: 0, in_progress: 0, resolved: 0 } }),
      ),
    );
    renderApp('#/sign-in', null);
    await signIn('  owner@example.test ', ' pass word ');
    await waitFor(() => expect(session.value?.user.name).toBe('Olive Owner'));
    expect(body).toEqual({ email: 'owner@example.test', password: ' pass word ' });
  });

  it('offers first run, naming the setup token in the server log, when no owner exists', async () => {
    const { hasOwner } = await import('../src/store');
    renderApp('#/', null);
    hasOwner.value = false;
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Create the owner account' }),
    ).toBeTruthy();
    expect(screen.getByText(/printed to its log/)).toBeTruthy();
    expect(screen.getByLabelText(/Setup token/)).toBeTruthy();
  });
});

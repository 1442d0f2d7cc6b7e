import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { errorBody, HttpResponse, http, OWNER_SESSION, useMsw } from './msw';
import { renderApp } from './render-app';

describe('the daily digest on the Account page', () => {
  const server = useMsw();

  it('loads off, turns on with the CSRF token, and says so', async () => {
    const puts: { body: unknown; csrf: string | null }[] = [];
    server.use(
      http.get('*/v1/console/account/digest', () => HttpResponse.json({ enabled: false })),
      http.put('*/v1/console/account/digest', async ({ request }) => {
        const body = (await request.json()) as { enabled: boolean };
        puts.push({ body, csrf: request.headers.get('x-csrf-token') });
        return HttpResponse.json(body);
      }),
    );
    renderApp('#/account', OWNER_SESSION);
    const box = (await screen.findByRole('checkbox', {
      name: 'Email me a daily digest of new feedback',
    })) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(screen.getByText('The daily digest is off.')).toBeTruthy();
    fireEvent.click(box);
    await screen.findByText('The daily digest is on.');
    expect(puts).toEqual([{ body: { enabled: true }, csrf: OWNER_SESSION.csrfToken }]);
    expect(box.checked).toBe(true);
  });

  it('shows a failed save and keeps the setting as the server has it', async () => {
    server.use(
      http.get('*/v1/console/account/digest', () => HttpResponse.json({ enabled: true })),
      http.put('*/v1/console/account/digest', () =>
        errorBody(503, 'unavailable', 'The database is unavailable; retry shortly.'),
      ),
    );
    renderApp('#/account', OWNER_SESSION);
    const box = (await screen.findByRole('checkbox', {
      name: 'Email me a daily digest of new feedback',
    })) as HTMLInputElement;
    fireEvent.click(box);
    await screen.findByText(/The database is unavailable/);
    await waitFor(() => expect(box.checked).toBe(true));
  });

  it('offers to try again when the setting cannot be read', async () => {
    let reads = 0;
    server.use(
      http.get('*/v1/console/account/digest', () => {
        reads += 1;
        return reads === 1
          ? errorBody(503, 'unavailable', 'The database is unavailable; retry shortly.')
          : HttpResponse.json({ enabled: false });
      }),
    );
    renderApp('#/account', OWNER_SESSION);
    fireEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    await screen.findByRole('checkbox', { name: 'Email me a daily digest of new feedback' });
  });
});

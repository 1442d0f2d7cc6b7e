import { act, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIRST_EVENT_POLL_MS } from '../src/pages/Install';
import { HttpResponse, http, OWNER_SESSION, useMsw } from './msw';
import { renderApp } from './render-app';

describe('the install page', () => {
  const server = useMsw();
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the snippet with the project key and public URL, and userHash examples', async () => {
    server.use(
      http.get('*/v1/console/projects/p1/first-event', () =>
        HttpResponse.json({ received: false }),
      ),
    );
    renderApp('#/projects/p1/install', OWNER_SESSION);
    const snippet = await screen.findByText(/data-key="pk_live_abc"/);
    expect(snippet.textContent).toContain('src="https://rapport.example/rapport.js"');
    expect(snippet.textContent).toContain('data-api="https://rapport.example"');
    for (const language of ['Node.js', 'Python', 'PHP', 'Ruby']) {
      expect(screen.getByRole('heading', { name: language })).toBeTruthy();
    }
    expect(screen.getByRole('button', { name: 'Copy the snippet' })).toBeTruthy();
  });

  it('waits for the first event, polling, then says Received and stops', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let polls = 0;
    server.use(
      http.get('*/v1/console/projects/p1/first-event', () => {
        polls += 1;
        return HttpResponse.json(
          polls < 3
            ? { received: false }
            : { received: true, at: '2026-12-02T10:00:00.000Z', type: 'page' },
        );
      }),
    );
    renderApp('#/projects/p1/install', OWNER_SESSION);
    await screen.findByText(/Waiting for the first event/);
    for (let i = 0; i < 2; i += 1) {
      await act(async () => {
        await vi.advanceTimersByTimeAsync(FIRST_EVENT_POLL_MS);
      });
    }
    await screen.findByText('Received');
    expect(polls).toBe(3);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(FIRST_EVENT_POLL_MS * 5);
    });
    expect(polls).toBe(3);
  });
});

import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { feedbackItem } from './fixtures';
import { HttpResponse, http, OWNER_SESSION, useMsw } from './msw';
import { renderApp } from './render-app';

const COUNTS = { new: 7, in_progress: 2, resolved: 30 };

describe('the feedback inbox', () => {
  const server = useMsw();

  /** Answers like the server: newest first, 2 a page, filtered by q; records each query. */
  function serveFeedback(total: number) {
    const queries: URLSearchParams[] = [];
    const all = Array.from({ length: total }, (_, i) => feedbackItem(total - i));
    server.use(
      http.get('*/v1/admin/feedback', ({ request }) => {
        const query = new URL(request.url).searchParams;
        queries.push(query);
        const q = query.get('q');
        const matching = q ? all.filter((item) => item.message.includes(q)) : all;
        const start = Number(query.get('cursor') ?? 0);
        const items = matching.slice(start, start + 2);
        const next = start + 2 < matching.length ? String(start + 2) : undefined;
        return HttpResponse.json({ items, counts: COUNTS, ...(next ? { nextCursor: next } : {}) });
      }),
    );
    return queries;
  }

  it('shows the counts per status and the newest items first, then more on "Load more"', async () => {
    const queries = serveFeedback(3);
    renderApp('#/projects/p1/inbox', OWNER_SESSION);
    await screen.findByText('Message number 3');
    expect(screen.getByRole('button', { name: 'New 7' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Resolved 30' })).toBeTruthy();
    const rows = () => screen.getAllByRole('link').filter((link) => link.hasAttribute('data-row'));
    expect(rows().map((row) => row.textContent?.match(/Message number \d/)?.[0])).toEqual([
      'Message number 3',
      'Message number 2',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByText('Message number 1');
    expect(rows()).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(queries.map((query) => query.get('cursor'))).toEqual([null, '2']);
    expect(queries[0]?.get('limit')).toBe('25');
  });

  it('searches with the field labelled Search and filters by status', async () => {
    const queries = serveFeedback(12);
    renderApp('#/projects/p1/inbox', OWNER_SESSION);
    await screen.findByText('Message number 12');
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), {
      target: { value: ' number 7 ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await screen.findByText('Message number 7');
    expect(screen.queryByText('Message number 12')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'In progress 2' }));
    await waitFor(() => expect(queries.at(-1)?.get('status')).toBe('in_progress'));
    expect(queries.at(-1)?.get('q')).toBe('number 7');
    expect(screen.getByRole('button', { name: 'In progress 2' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });

  it('moves focus with j/k and the arrow keys, but not while typing in a field', async () => {
    serveFeedback(2);
    renderApp('#/projects/p1/inbox', OWNER_SESSION);
    await screen.findByText('Message number 2');
    const [first, second] = screen
      .getAllByRole('link')
      .filter((link) => link.hasAttribute('data-row'));
    fireEvent.keyDown(document.body, { key: 'j' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(second);
    fireEvent.keyDown(second!, { key: 'j' });
    expect(document.activeElement).toBe(second);
    fireEvent.keyDown(second!, { key: 'k' });
    expect(document.activeElement).toBe(first);
    expect(first?.getAttribute('href')).toBe('#/projects/p1/inbox/f2');
    const search = screen.getByRole('searchbox', { name: 'Search' });
    search.focus();
    fireEvent.keyDown(search, { key: 'j' });
    expect(document.activeElement).toBe(search);
  });

  it('says so when there is no feedback, and when filters match nothing', async () => {
    server.use(
      http.get('*/v1/admin/feedback', () =>
        HttpResponse.json({ items: [], counts: { new: 0, in_progress: 0, resolved: 0 } }),
      ),
    );
    renderApp('#/projects/p1/inbox', OWNER_SESSION);
    await screen.findByText(/No feedback yet/);
    fireEvent.change(screen.getByLabelText('Topic'), { target: { value: 'bug' } });
    await screen.findByText('No feedback matches these filters.');
  });

  it('shows the error with "Try again" and recovers', async () => {
    let calls = 0;
    server.use(
      http.get('*/v1/admin/feedback', () => {
        calls += 1;
        if (calls === 1)
          return HttpResponse.json(
            { error: { code: 'unavailable', message: 'The database is not answering.' } },
            { status: 503 },
          );
        return HttpResponse.json({ items: [feedbackItem(1)], counts: COUNTS });
      }),
    );
    renderApp('#/projects/p1/inbox', OWNER_SESSION);
    await screen.findByText('The database is not answering.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByText('Message number 1');
  });
});

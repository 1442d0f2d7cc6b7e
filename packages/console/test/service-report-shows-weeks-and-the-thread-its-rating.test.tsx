import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { ServiceReport, ServiceWeek } from '../src/api/types';
import { feedbackItem, thread } from './fixtures';
import { errorBody, HttpResponse, http, sessionAs, useMsw } from './msw';
import { renderApp } from './render-app';
import { bodyRows } from './table-rows';

const quiet = (start: string): ServiceWeek => ({
  start,
  firstReply: { count: 0, medianSeconds: null },
  resolution: { count: 0, medianSeconds: null },
  csat: { responses: 0, average: null, satisfied: 0, satisfiedPercent: null },
  detractors: { followedUp: 0, recovered: 0 },
});

const BUSY: ServiceReport = {
  timezone: 'UTC',
  weeks: [
    quiet('2026-11-23T00:00:00.000Z'),
    {
      start: '2026-11-30T00:00:00.000Z',
      firstReply: { count: 3, medianSeconds: 5400 },
      resolution: { count: 2, medianSeconds: 129_600 },
      csat: { responses: 4, average: 4.25, satisfied: 3, satisfiedPercent: 75 },
      detractors: { followedUp: 3, recovered: 2 },
    },
  ],
};

describe('the service report', () => {
  const server = useMsw();

  function serve(answer: (weeks: string | null) => Response) {
    const asked: (string | null)[] = [];
    server.use(
      http.get('*/v1/admin/reports/service', ({ request }) => {
        const weeks = new URL(request.url).searchParams.get('weeks');
        asked.push(weeks);
        return answer(weeks);
      }),
    );
    return asked;
  }

  it('lists each week with its medians, resolution CSAT and recovered detractors, for a member', async () => {
    const asked = serve(() => HttpResponse.json(BUSY));
    renderApp('#/projects/p1/service', sessionAs('member'));
    await screen.findByRole('heading', { level: 1, name: 'Service' });
    const table = await screen.findByRole('table', { name: 'Service by week' });
    expect(bodyRows(table)).toEqual([
      ['Nov 23, 2026', '—', '—', '—', '—', '—'],
      [
        'Nov 30, 2026',
        '1.5 h (3 threads)',
        '36 h (2 threads)',
        '4.25 (4 answers)',
        '75 % (3)',
        '2 of 3',
      ],
    ]);
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual([
      'Week of',
      'Median first reply',
      'Median resolution',
      'Resolution CSAT',
      'Rated 4–5',
      'Detractors recovered',
    ]);
    expect(screen.getByRole('link', { name: 'Service' }).getAttribute('aria-current')).toBe('page');
    expect(asked).toEqual(['8']);

    fireEvent.change(screen.getByLabelText('Show'), { target: { value: '12' } });
    await waitFor(() => expect(asked).toEqual(['8', '12']));
  });

  it('says when nothing happened yet, and offers a retry when the report fails', async () => {
    let fail = true;
    serve(() =>
      fail
        ? errorBody(503, 'unavailable', 'The database is not answering.')
        : HttpResponse.json({ timezone: 'UTC', weeks: [quiet('2026-11-30T00:00:00.000Z')] }),
    );
    renderApp('#/projects/p1/service', sessionAs('member'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The database is not answering.');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: /try again|retry/i }));
    expect(await screen.findByText(/Nothing to report in these weeks yet/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows the customer’s “Did we solve this?” answer beside a resolved thread, as text', async () => {
    const rated = thread({
      item: feedbackItem(1, { userId: 'cust-1', status: 'resolved' }),
      resolutionRating: {
        resolvedAt: '2026-12-01T13:00:00.000Z',
        score: 4,
        comment: 'Quick <img src=x onerror=alert(1)>',
        createdAt: '2026-12-01T15:00:00.000Z',
      },
    });
    server.use(http.get('*/v1/admin/feedback/f1', () => HttpResponse.json(rated)));
    renderApp('#/projects/p1/inbox/f1', sessionAs('member'));
    const card = await screen.findByRole('region', { name: 'Did we solve this?' });
    expect(within(card).getByText('4 out of 5')).toBeTruthy();
    expect(within(card).getByText('Quick <img src=x onerror=alert(1)>')).toBeTruthy();
    expect(card.querySelector('img')).toBeNull();
  });

  it('says so when the customer dismissed the question', async () => {
    const dismissed = thread({
      resolutionRating: {
        resolvedAt: '2026-12-01T13:00:00.000Z',
        score: null,
        comment: null,
        createdAt: '2026-12-01T15:00:00.000Z',
      },
    });
    server.use(http.get('*/v1/admin/feedback/f1', () => HttpResponse.json(dismissed)));
    renderApp('#/projects/p1/inbox/f1', sessionAs('member'));
    const card = await screen.findByRole('region', { name: 'Did we solve this?' });
    expect(card.textContent).toContain('dismissed the question');
  });
});

import { screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { NpsSummary, Survey } from '../src/api/types';
import { npsSummary, survey } from './fixtures';
import { HttpResponse, http, sessionAs, useMsw } from './msw';
import { renderApp } from './render-app';

/** Cell texts of a table's body rows. */
function rows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole(/cell|rowheader/)
        .map((cell) => cell.textContent ?? ''),
    );
}

describe('the survey report', () => {
  const server = useMsw();

  function serve(stored: Survey, summary: NpsSummary) {
    server.use(
      http.get(`*/v1/admin/surveys/${stored.id}`, () => HttpResponse.json(stored)),
      http.get('*/v1/admin/nps', ({ request }) => {
        const query = new URL(request.url).searchParams;
        expect([query.get('surveyId'), query.get('interval')]).toEqual([stored.id, 'week']);
        return HttpResponse.json(summary);
      }),
    );
  }

  it('shows the score, each band with its count and share, and the weekly trend as a table', async () => {
    // 7 answers: 4 promoters, 1 passive, 2 detractors → (4 − 2) / 7 = 28.6 % → +29.
    serve(
      survey(),
      npsSummary({
        nps: 29,
        responses: 7,
        promoters: 4,
        passives: 1,
        detractors: 2,
        trend: [
          { start: '2026-11-16T00:00:00.000Z', nps: -50, responses: 2 },
          { start: '2026-11-23T00:00:00.000Z', nps: null, responses: 0 },
          { start: '2026-11-30T00:00:00.000Z', nps: 60, responses: 5 },
        ],
      }),
    );
    renderApp('#/projects/p1/surveys/srv_1/report', sessionAs('member'));
    await screen.findByRole('heading', { level: 1, name: 'Report: Checkout NPS' });
    const score = screen.getByRole('region', { name: 'Score' });
    expect(within(score).getByText('+29')).toBeTruthy();
    expect(within(score).getByText('7')).toBeTruthy();

    const bands = screen.getByRole('table', { name: 'Answers by band' });
    expect(rows(bands)).toEqual([
      ['Promoters (9–10)', '4', '57 %'],
      ['Passives (7–8)', '1', '14 %'],
      ['Detractors (0–6)', '2', '29 %'],
    ]);
    expect(screen.getByRole('img', { name: '4 promoters, 1 passive, 2 detractors' })).toBeTruthy();

    const trend = rows(screen.getByRole('table', { name: 'NPS by week' }));
    expect(trend.map(([, answers, nps]) => [answers, nps])).toEqual([
      ['2', '−50'],
      ['0', '—'],
      ['5', '+60'],
    ]);
    const chart = screen.getByRole('img', { name: /NPS by week/ });
    // Two bars: the quiet week has none. −50 hangs below the middle line, +60 rises above it.
    const bars = chart.querySelectorAll('rect');
    expect([...bars].map((bar) => [bar.getAttribute('class'), bar.getAttribute('height')])).toEqual(
      [
        ['trend-down', '25'],
        ['trend-up', '30'],
      ],
    );
    expect(screen.queryByRole('link', { name: 'Edit the survey' })).toBeNull();
  });

  it('says when there is no answer yet, and why when the survey is paused', async () => {
    serve(survey({ active: false }), npsSummary({ nps: null }));
    renderApp('#/projects/p1/surveys/srv_1/report', sessionAs('admin'));
    await screen.findByText(/No answers yet/);
    expect(screen.getByText(/The survey is paused/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByRole('link', { name: 'Edit the survey' })).toBeTruthy();
  });

  it('explains that CSAT surveys have no summary yet', async () => {
    serve(survey({ type: 'csat' }), npsSummary());
    renderApp('#/projects/p1/surveys/srv_1/report', sessionAs('admin'));
    await screen.findByText(/The server summarises NPS surveys only/);
    expect(screen.queryByRole('table')).toBeNull();
  });
});

import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { Survey, SurveyCommentsPage, SurveyReport } from '../src/api/types';
import { periodReport, scoreSummary, survey, surveyReport } from './fixtures';
import { HttpResponse, http, sessionAs, useMsw } from './msw';
import { renderApp } from './render-app';
import { bodyRows } from './table-rows';

/** 7 answers: 4 promoters (10, 10, 9, 9), 1 passive (8), 2 detractors (6, 0) → +29. */
const SEVEN = [1, 0, 0, 0, 0, 0, 1, 0, 1, 2, 2];
const WEEKLY = surveyReport({
  period: periodReport({
    summary: {
      ...scoreSummary(SEVEN),
      nps: { score: 29, marginOfError: 61.3, promoters: 4, passives: 1, detractors: 2 },
    },
    series: [
      { start: '2026-11-16T00:00:00.000Z', ...scoreSummary([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]) },
      { start: '2026-11-23T00:00:00.000Z', ...scoreSummary(new Array(11).fill(0)) },
      { start: '2026-11-30T00:00:00.000Z', ...scoreSummary([0, 0, 0, 0, 0, 0, 1, 0, 1, 2, 1]) },
    ],
    rate: { shown: null, answered: 7, dismissed: 3, answeredPercent: 70 },
  }),
});
const MONTHLY = surveyReport({
  interval: 'month',
  period: periodReport({
    summary: WEEKLY.period.summary,
    series: [{ start: '2026-11-01T00:00:00.000Z', ...scoreSummary(SEVEN) }],
    rate: WEEKLY.period.rate,
  }),
});

describe('the survey report', () => {
  const server = useMsw();

  function serve(
    stored: Survey,
    report: (query: URLSearchParams) => SurveyReport,
    comments?: (query: URLSearchParams) => SurveyCommentsPage,
  ) {
    const asked: URLSearchParams[] = [];
    server.use(
      http.get(`*/v1/admin/surveys/${stored.id}`, () => HttpResponse.json(stored)),
      http.get(`*/v1/admin/surveys/${stored.id}/report`, ({ request }) => {
        const query = new URL(request.url).searchParams;
        asked.push(query);
        return HttpResponse.json(report(query));
      }),
      http.get(`*/v1/admin/surveys/${stored.id}/comments`, ({ request }) =>
        HttpResponse.json(comments?.(new URL(request.url).searchParams) ?? { items: [] }),
      ),
    );
    return asked;
  }

  it('shows the NPS with its margin, the answers, the dismissals, the bands and the 0–10 spread', async () => {
    serve(survey(), () => WEEKLY);
    renderApp('#/projects/p1/surveys/srv_1/report', sessionAs('member'));
    await screen.findByRole('heading', { level: 1, name: 'Report: Checkout NPS' });
    const score = await screen.findByRole('region', { name: 'Score' });
    expect(within(score).getByText('+29')).toBeTruthy();
    expect(within(score).getByText('± 61.3 points (95 % confidence)')).toBeTruthy();
    expect(within(score).getByText('7')).toBeTruthy();
    expect(within(score).getByText('3')).toBeTruthy();
    expect(within(score).getByText('70 % of those who reacted answered')).toBeTruthy();
    expect(within(score).getByText(/no “shown” count/)).toBeTruthy();

    expect(bodyRows(screen.getByRole('table', { name: 'Answers by band' }))).toEqual([
      ['Promoters (9–10)', '4', '57 %'],
      ['Passives (7–8)', '1', '14 %'],
      ['Detractors (0–6)', '2', '29 %'],
    ]);
    const spread = bodyRows(screen.getByRole('table', { name: 'Answers by score' }));
    expect(spread.map(([score, answers]) => `${score}:${answers}`).join(' ')).toBe(
      '0:1 1:0 2:0 3:0 4:0 5:0 6:1 7:0 8:1 9:2 10:2',
    );
    const bars = screen
      .getByRole('img', { name: 'Answers by score, as in the table' })
      .querySelectorAll('rect');
    expect(bars).toHaveLength(11);
    // The tallest bars (2 answers) fill the chart; one answer is half of it.
    expect([...bars].map((bar) => bar.getAttribute('height'))).toEqual([
      '50',
      '0',
      '0',
      '0',
      '0',
      '0',
      '50',
      '0',
      '50',
      '100',
      '100',
    ]);
  });

  it('switches the series between weeks and months, quiet weeks as gaps', async () => {
    const asked = serve(survey(), (query) =>
      query.get('interval') === 'month' ? MONTHLY : WEEKLY,
    );
    renderApp('#/projects/p1/surveys/srv_1/report', sessionAs('member'));
    const weekly = await screen.findByRole('table', { name: 'NPS by week' });
    expect(bodyRows(weekly).map(([, answers, nps]) => [answers, nps])).toEqual([
      ['2', '0'],
      ['0', '—'],
      ['5', '+40'],
    ]);
    const chart = screen.getByRole('img', { name: 'NPS by week, as in the table' });
    // Two buckets with answers, three bands each; the quiet week has no bars.
    expect(chart.querySelectorAll('rect')).toHaveLength(6);
    expect(screen.getByRole('button', { name: 'Week' }).getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: 'Month' }));
    const monthly = await screen.findByRole('table', { name: 'NPS by month' });
    expect(bodyRows(monthly).map(([, answers, nps]) => [answers, nps])).toEqual([['7', '+29']]);
    expect(screen.getByRole('button', { name: 'Month' }).getAttribute('aria-pressed')).toBe('true');
    expect(asked.map((query) => query.get('interval'))).toEqual(['week', 'month']);
  });

  it('asks for a second period and a trait breakdown, and shows them side by side', async () => {
    const asked = serve(survey({ type: 'csat', name: 'Delivery CSAT' }), (query) =>
      surveyReport({
        survey: { id: 'srv_1', name: 'Delivery CSAT', type: 'csat' },
        period: periodReport({
          from: '2026-11-01T00:00:00.000Z',
          to: '2026-12-01T00:00:00.000Z',
          summary: scoreSummary([0, 1, 0, 1, 2]),
          ...(query.get('breakdown') && {
            breakdown: {
              by: 'trait:plan',
              rows: [
                { value: 'pro', ...scoreSummary([0, 0, 0, 1, 2]) },
                { value: null, ...scoreSummary([0, 1, 0, 0, 0]) },
              ],
            },
          }),
        }),
        ...(query.get('compareFrom') && {
          compare: periodReport({
            from: '2026-10-01T00:00:00.000Z',
            to: '2026-11-01T00:00:00.000Z',
            summary: scoreSummary([1, 0, 0, 0, 1]),
          }),
        }),
      }),
    );
    renderApp('#/projects/p1/surveys/srv_1/report', sessionAs('member'));
    const score = await screen.findByRole('region', { name: 'Score' });
    // 2, 4, 5, 5 → 16 / 4 = 4; satisfied 3 of 4.
    const figure = (name: string) => within(score).getByText(name).nextElementSibling?.textContent;
    expect(figure('Average (1–5)')).toBe('4');
    expect(figure('Satisfied (4–5)')).toBe('75 %');
    expect(figure('Answers')).toBe('4');

    fireEvent.input(screen.getByLabelText('From'), { target: { value: '2026-11-01' } });
    fireEvent.input(screen.getByLabelText('To'), { target: { value: '2026-11-30' } });
    fireEvent.input(screen.getByLabelText('Compare with, from'), {
      target: { value: '2026-10-01' },
    });
    fireEvent.input(screen.getByLabelText('Compare with, to'), { target: { value: '2026-10-31' } });
    fireEvent.change(screen.getByLabelText('Break down by'), { target: { value: 'trait' } });
    fireEvent.input(await screen.findByLabelText('Trait name'), { target: { value: 'plan' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));

    const compared = await screen.findByRole('table', { name: 'This period and the compared one' });
    expect(
      bodyRows(compared).map(([, answers, average, satisfied]) => [answers, average, satisfied]),
    ).toEqual([
      ['4', '4', '75 %'],
      ['2', '3', '50 %'],
    ]);
    const plan = screen.getByRole('table', { name: 'By trait “plan”' });
    expect(bodyRows(plan)).toEqual([
      ['pro', '3', '4.67', '100 %'],
      ['Not identified, or no value', '1', '2', '0 %'],
    ]);
    const last = asked.at(-1) as URLSearchParams;
    expect(Object.fromEntries(last)).toEqual({
      interval: 'week',
      from: '2026-11-01',
      to: '2026-11-30',
      compareFrom: '2026-10-01',
      compareTo: '2026-10-31',
      breakdown: 'trait:plan',
    });
  });

  it('filters comments by band and searches them, rendering hostile text as text', async () => {
    const comments = [
      {
        id: 'c1',
        score: 2,
        comment: '<img src=x onerror=alert(1)> slow',
        userId: null,
        anonymousId: 'a',
        createdAt: '2026-11-30T10:00:00.000Z',
      },
      {
        id: 'c2',
        score: 10,
        comment: 'Fast checkout',
        userId: 'ann',
        anonymousId: 'b',
        createdAt: '2026-11-29T10:00:00.000Z',
      },
    ];
    const queries: Record<string, string>[] = [];
    serve(
      survey(),
      () => WEEKLY,
      (query) => {
        queries.push(Object.fromEntries(query));
        const band = query.get('band');
        const q = query.get('q');
        return {
          items: comments.filter(
            (item) =>
              (!band || (band === 'detractor' ? (item.score ?? 0) <= 6 : (item.score ?? 0) >= 9)) &&
              (!q || item.comment.includes(q)),
          ),
        };
      },
    );
    renderApp('#/projects/p1/surveys/srv_1/report', sessionAs('member'));
    const section = await screen.findByRole('region', { name: 'Comments' });
    await within(section).findByText('Fast checkout');
    expect(within(section).getByText('<img src=x onerror=alert(1)> slow')).toBeTruthy();
    expect(section.querySelector('img')).toBeNull();

    fireEvent.change(within(section).getByLabelText('Band'), { target: { value: 'detractor' } });
    await waitFor(() => expect(within(section).queryByText('Fast checkout')).toBeNull());
    expect(await within(section).findByText(/onerror/)).toBeTruthy();

    fireEvent.change(within(section).getByLabelText('Band'), { target: { value: '' } });
    fireEvent.input(within(section).getByLabelText('Search comments'), {
      target: { value: 'Fast' },
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(within(section).queryByText(/onerror/)).toBeNull());
    expect(await within(section).findByText('Fast checkout')).toBeTruthy();
    expect(queries.map((query) => [query.band, query.q])).toEqual([
      [undefined, undefined],
      ['detractor', undefined],
      [undefined, undefined],
      [undefined, 'Fast'],
    ]);
  });

  it('says when there is no answer yet, and why when the survey is paused', async () => {
    serve(survey({ active: false }), () => surveyReport());
    renderApp('#/projects/p1/surveys/srv_1/report', sessionAs('admin'));
    await screen.findByText(/No answers yet/);
    expect(screen.getByText(/The survey is paused/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByRole('link', { name: 'Edit the survey' })).toBeTruthy();
  });
});

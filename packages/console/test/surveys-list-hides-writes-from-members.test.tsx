import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { Survey } from '../src/api/types';
import { projectView, survey } from './fixtures';
import { errorBody, HttpResponse, http, sessionAs, useMsw } from './msw';
import { renderApp } from './render-app';

const NPS = survey({
  targeting: { urlContains: '/checkout', delaySeconds: 5 },
  samplePercent: 50,
  recontactDays: 30,
});
const CSAT = survey({
  id: 'srv_2',
  name: 'Delivery CSAT',
  type: 'csat',
  question: 'How satisfied are you?',
  active: false,
});
/** The list as the server answers it: each survey with its all-time summary. */
const LISTED = [
  { ...NPS, summary: { responses: 3, nps: 33 } },
  { ...CSAT, summary: { responses: 2, average: 4.5 } },
];
const WRITE_BUTTONS = /^(Pause|Resume|Duplicate|Delete…)/;

describe('the surveys list', () => {
  const server = useMsw();

  /** Serves the list; counts calls of the per-survey NPS route the list must not make. */
  function serveSurveys(items: Survey[]) {
    const perSurvey = { calls: 0 };
    server.use(
      http.get('*/v1/admin/surveys', () => HttpResponse.json({ items })),
      http.get('*/v1/admin/nps', () => {
        perSurvey.calls += 1;
        return HttpResponse.json({});
      }),
    );
    return perSurvey;
  }

  it('shows a member every survey with its figures, and no write action, saying why', async () => {
    server.use(
      http.get('*/v1/console/projects/p1', () =>
        HttpResponse.json(projectView({ role: 'member' })),
      ),
    );
    const perSurvey = serveSurveys(LISTED);
    renderApp('#/projects/p1/surveys', sessionAs('member'));
    const item = (await screen.findByRole('heading', { level: 2, name: 'Checkout NPS' })).closest(
      'li',
    ) as HTMLElement;
    await within(item).findByText(/3 answers · NPS/);
    expect(within(item).getByText('+33')).toBeTruthy();
    expect(within(item).getByText('Active')).toBeTruthy();
    expect(
      within(item).getByText(
        'On pages whose URL contains “/checkout” · 5 s after the page opens · 50 % of visitors · Asked again after 30 days',
      ),
    ).toBeTruthy();
    const csat = screen.getByRole('heading', { level: 2, name: 'Delivery CSAT' }).closest('li');
    expect(within(csat as HTMLElement).getByText('Paused')).toBeTruthy();
    expect(within(csat as HTMLElement).getByText(/2 answers · average/)).toBeTruthy();
    expect(within(csat as HTMLElement).getByText('4.5')).toBeTruthy();
    expect(perSurvey.calls).toBe(0);

    expect(screen.getByText(/Only admins and owners can create or change surveys/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Create survey' })).toBeNull();
    expect(screen.queryByRole('link', { name: /^Edit/ })).toBeNull();
    expect(screen.queryAllByRole('button', { name: WRITE_BUTTONS })).toEqual([]);
    expect(screen.getByRole('link', { name: 'Checkout NPS' }).getAttribute('href')).toBe(
      '#/projects/p1/surveys/srv_1/report',
    );
  });

  it('shows a member the builder’s page without the form', async () => {
    renderApp('#/projects/p1/surveys/new', sessionAs('member'));
    await screen.findByText(/your role in this project is member/);
    expect(screen.queryByRole('button', { name: 'Create survey' })).toBeNull();
    expect(screen.queryByLabelText('Question')).toBeNull();
  });

  it('says how to start when there is no survey, and offers a retry when the list fails', async () => {
    server.use(http.get('*/v1/admin/surveys', () => HttpResponse.json({ items: [] })));
    const { unmount } = renderApp('#/projects/p1/surveys', sessionAs('admin'));
    const empty = await screen.findByText(/No surveys yet/);
    expect(empty.textContent).toMatch(/^No surveys yet — create one/);
    expect(within(empty).getByRole('link', { name: 'create one' }).getAttribute('href')).toBe(
      '#/projects/p1/surveys/new',
    );
    unmount();

    let calls = 0;
    server.use(
      http.get('*/v1/admin/surveys', () => {
        calls += 1;
        return calls === 1
          ? errorBody(503, 'unavailable', 'The database is not answering.')
          : HttpResponse.json({ items: [] });
      }),
    );
    renderApp('#/projects/p1/surveys', sessionAs('admin'));
    await screen.findByText('The database is not answering.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByText(/No surveys yet/);
  });

  it('pauses, duplicates as a paused “(copy)”, and deletes only once the name is typed', async () => {
    const requests: { method: string; path: string; body: unknown }[] = [];
    serveSurveys([LISTED[0] as Survey]);
    server.use(
      http.patch('*/v1/admin/surveys/srv_1', async ({ request }) => {
        const body = (await request.json()) as Partial<Survey>;
        requests.push({ method: 'PATCH', path: 'srv_1', body });
        return HttpResponse.json({ ...NPS, ...body });
      }),
      http.post('*/v1/admin/surveys', async ({ request }) => {
        const body = (await request.json()) as Survey;
        requests.push({ method: 'POST', path: '', body });
        return HttpResponse.json({ ...NPS, ...body, id: 'srv_3' }, { status: 201 });
      }),
      http.delete('*/v1/admin/surveys/srv_1', () => {
        requests.push({ method: 'DELETE', path: 'srv_1', body: null });
        return new HttpResponse(null, { status: 204 });
      }),
    );
    renderApp('#/projects/p1/surveys', sessionAs('admin'));
    fireEvent.click(await screen.findByRole('button', { name: 'Pause “Checkout NPS”' }));
    await screen.findByRole('button', { name: 'Resume “Checkout NPS”' });
    expect(screen.getByText('Paused')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Duplicate “Checkout NPS”' }));
    await screen.findByRole('heading', { level: 2, name: 'Checkout NPS (copy)' });
    expect(screen.getByRole('status').textContent).toBe(
      'Paused copy “Checkout NPS (copy)” created.',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Delete… “Checkout NPS”' }));
    const confirm = screen.getByRole('button', { name: 'Delete survey' }) as HTMLButtonElement;
    fireEvent.input(screen.getByLabelText(/to confirm/), { target: { value: 'checkout nps' } });
    expect(confirm.disabled).toBe(true);
    fireEvent.input(screen.getByLabelText(/to confirm/), { target: { value: 'Checkout NPS' } });
    fireEvent.click(confirm);
    await waitFor(() =>
      expect(screen.queryByRole('heading', { level: 2, name: 'Checkout NPS' })).toBeNull(),
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Checkout NPS (copy)' })).toBeTruthy();

    const { createdAt: _c, updatedAt: _u, id: _id, ...fields } = NPS;
    expect(requests).toEqual([
      { method: 'PATCH', path: 'srv_1', body: { active: false } },
      { method: 'POST', path: '', body: { ...fields, name: 'Checkout NPS (copy)', active: false } },
      { method: 'DELETE', path: 'srv_1', body: null },
    ]);
  });

  it('keeps a duplicate of a 500-character name within the limit', async () => {
    const long = survey({ name: 'n'.repeat(500) });
    let sent: Survey | undefined;
    server.use(
      http.get('*/v1/admin/surveys', () => HttpResponse.json({ items: [long] })),
      http.post('*/v1/admin/surveys', async ({ request }) => {
        sent = (await request.json()) as Survey;
        return HttpResponse.json({ ...sent, id: 'srv_9' }, { status: 201 });
      }),
    );
    renderApp('#/projects/p1/surveys', sessionAs('owner'));
    fireEvent.click(await screen.findByRole('button', { name: /^Duplicate/ }));
    await waitFor(() => expect(sent).toBeDefined());
    expect(sent?.name).toBe(`${'n'.repeat(493)} (copy)`);
    expect(sent?.name).toHaveLength(500);
  });
});

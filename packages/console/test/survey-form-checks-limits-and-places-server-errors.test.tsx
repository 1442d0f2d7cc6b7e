import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { survey } from './fixtures';
import { HttpResponse, http, sessionAs, useMsw } from './msw';
import { renderApp } from './render-app';
import { describedErrors, recordSurveyCreates, type } from './survey-form';

const ADMIN = sessionAs('admin');

describe('the survey builder', () => {
  const server = useMsw();

  const recordCreates = (answer?: () => Response) => recordSurveyCreates(server, answer);

  it('sends the first and last day as the local midnights that bound them, and refuses them backwards', async () => {
    const bodies = recordCreates();
    renderApp('#/projects/p1/surveys/new', ADMIN);
    await screen.findByRole('heading', { level: 1, name: 'New survey' });
    type('Name', 'December NPS');
    type('Question', 'How likely are you to recommend us?');
    type('First day (optional)', '2026-12-10');
    type('Last day (optional)', '2026-12-01');
    fireEvent.click(screen.getByRole('button', { name: 'Create survey' }));
    const last = screen.getByLabelText('Last day (optional)');
    await waitFor(() =>
      expect(describedErrors(last)).toEqual(['The last day must be on or after the first day.']),
    );
    expect(bodies).toEqual([]);

    type('Last day (optional)', '2026-12-24');
    fireEvent.click(screen.getByRole('button', { name: 'Create survey' }));
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect((bodies[0] as { targeting: unknown }).targeting).toEqual({
      startsAt: new Date(2026, 11, 10).toISOString(),
      endsAt: new Date(2026, 11, 25).toISOString(),
    });
  });

  it('names every field outside the schema’s limits beside it, focuses the first, and sends nothing', async () => {
    const bodies = recordCreates();
    renderApp('#/projects/p1/surveys/new', ADMIN);
    await screen.findByRole('heading', { level: 1, name: 'New survey' });
    fireEvent.click(screen.getByRole('button', { name: 'Create survey' }));

    const name = screen.getByLabelText('Name');
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(describedErrors(name)).toEqual(['Give the survey a name your team will recognise.']);
    await waitFor(() => expect(document.activeElement).toBe(name));

    type('Name', 'x'.repeat(501));
    type('Question', 'How likely are you to recommend us?');
    type('Delay (seconds)', '3601');
    type('Share of visitors (%)', '101');
    type('Ask the same person again after (days)', '1.5');
    fireEvent.click(screen.getByLabelText('Ask a follow-up question chosen by the score'));
    type('Detractors (0–6)', 'What went wrong?');
    type('Promoters (9–10)', 'What do you like most?');
    fireEvent.click(screen.getByRole('button', { name: 'Create survey' }));

    expect(describedErrors(name)).toEqual(['Use at most 500 characters (this has 501).']);
    expect(describedErrors(screen.getByLabelText('Question'))).toEqual([]);
    expect(describedErrors(screen.getByLabelText('Passives (7–8)'))).toEqual([
      'Write the question for passives (7–8), or stop asking follow-ups.',
    ]);
    expect(describedErrors(screen.getByLabelText('Delay (seconds)'))).toEqual([
      'Enter a whole number of seconds from 0 to 3600.',
    ]);
    expect(describedErrors(screen.getByLabelText('Share of visitors (%)'))).toEqual([
      'Enter a share from 0 to 100.',
    ]);
    expect(
      describedErrors(screen.getByLabelText('Ask the same person again after (days)')),
    ).toEqual(['Enter a whole number of days from 0 to 3650.']);
    type('Page URL contains', `/${'p'.repeat(500)}`);
    expect(describedErrors(screen.getByLabelText('Page URL contains'))).toEqual([
      'Use at most 500 characters (this has 501).',
    ]);
    expect(bodies).toEqual([]);
  });

  it('sends the survey as the admin API takes it, then lists it with a notice', async () => {
    const bodies = recordCreates(() =>
      HttpResponse.json(survey({ name: 'Checkout NPS' }), { status: 201 }),
    );
    renderApp('#/projects/p1/surveys/new', ADMIN);
    await screen.findByRole('heading', { level: 1, name: 'New survey' });
    type('Name', '  Checkout NPS ');
    type('Question', 'How likely are you to recommend us?');
    fireEvent.click(screen.getByLabelText('Ask a follow-up question chosen by the score'));
    type('Detractors (0–6)', 'What went wrong?');
    type('Passives (7–8)', 'What would make it a 10?');
    type('Promoters (9–10)', 'What do you like most?');
    type('Page URL contains', '/checkout');
    type('Delay (seconds)', '5');
    type('Share of visitors (%)', '50');
    type('Ask the same person again after (days)', '30');
    fireEvent.click(screen.getByRole('button', { name: 'Create survey' }));

    await waitFor(() => expect(location.hash).toBe('#/projects/p1/surveys'));
    expect(bodies).toEqual([
      {
        name: 'Checkout NPS',
        type: 'nps',
        question: 'How likely are you to recommend us?',
        followUp: {
          detractor: 'What went wrong?',
          passive: 'What would make it a 10?',
          promoter: 'What do you like most?',
        },
        targeting: { urlContains: '/checkout', delaySeconds: 5 },
        samplePercent: 50,
        recontactDays: 30,
        active: true,
      },
    ]);
    expect(screen.getByRole('status').textContent).toBe('Survey “Checkout NPS” created.');
  });

  it('offers no follow-ups for CSAT and sends none after switching type', async () => {
    const bodies = recordCreates();
    renderApp('#/projects/p1/surveys/new', ADMIN);
    await screen.findByRole('heading', { level: 1, name: 'New survey' });
    fireEvent.click(screen.getByLabelText('Ask a follow-up question chosen by the score'));
    type('Detractors (0–6)', 'Left over from NPS');
    fireEvent.click(screen.getByLabelText('CSAT (1–5)'));
    expect(screen.queryByRole('group', { name: 'Follow-up question' })).toBeNull();
    type('Name', 'Delivery CSAT');
    type('Question', 'How satisfied are you with the delivery?');
    fireEvent.click(screen.getByRole('button', { name: 'Create survey' }));
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toEqual({
      name: 'Delivery CSAT',
      type: 'csat',
      question: 'How satisfied are you with the delivery?',
      samplePercent: 100,
      recontactDays: 90,
      active: true,
    });
  });

  it('puts each message of a 400 beside the field its path names, until that field changes', async () => {
    recordCreates(() =>
      HttpResponse.json(
        {
          error: {
            code: 'invalid_body',
            message: 'Invalid body: targeting.urlContains: Too big',
            details: [
              {
                path: 'targeting.urlContains',
                message: 'Too big: expected at most 500 characters',
              },
              { path: 'followUp.promoter', message: 'Too small: expected at least 1 character' },
              { path: 'active', message: 'Expected boolean' },
            ],
          },
        },
        { status: 400 },
      ),
    );
    renderApp('#/projects/p1/surveys/new', ADMIN);
    await screen.findByRole('heading', { level: 1, name: 'New survey' });
    type('Name', 'Checkout NPS');
    type('Question', 'How likely are you to recommend us?');
    type('Page URL contains', '/checkout');
    fireEvent.click(screen.getByLabelText('Ask a follow-up question chosen by the score'));
    for (const label of ['Detractors (0–6)', 'Passives (7–8)', 'Promoters (9–10)']) {
      type(label, 'Why?');
    }
    fireEvent.click(screen.getByRole('button', { name: 'Create survey' }));

    const url = screen.getByLabelText('Page URL contains');
    await waitFor(() =>
      expect(describedErrors(url)).toEqual(['Too big: expected at most 500 characters']),
    );
    expect(url.getAttribute('aria-invalid')).toBe('true');
    const promoter = screen.getByLabelText('Promoters (9–10)');
    expect(describedErrors(promoter)).toEqual(['Too small: expected at least 1 character']);
    expect(describedErrors(screen.getByLabelText('Name'))).toEqual([]);
    const alert = screen.getAllByRole('alert').find((element) => element.textContent);
    expect(alert?.textContent).toBe(
      'The server refused the fields marked below. active: Expected boolean',
    );
    await waitFor(() => expect(document.activeElement).toBe(promoter));

    type('Page URL contains', '/cart');
    expect(describedErrors(url)).toEqual([]);
    expect(describedErrors(promoter)).toEqual(['Too small: expected at least 1 character']);
  });

  it('edits a survey with its type fixed and its targeting sent whole', async () => {
    const patches: unknown[] = [];
    server.use(
      http.get('*/v1/admin/surveys/srv_1', () =>
        HttpResponse.json(
          survey({ targeting: { urlContains: '/checkout', event: 'purchase' }, recontactDays: 30 }),
        ),
      ),
      http.patch('*/v1/admin/surveys/srv_1', async ({ request }) => {
        patches.push(await request.json());
        return HttpResponse.json(survey());
      }),
      http.get('*/v1/admin/surveys', () => HttpResponse.json({ items: [] })),
    );
    renderApp('#/projects/p1/surveys/srv_1/edit', ADMIN);
    await screen.findByRole('heading', { level: 1, name: 'Edit “Checkout NPS”' });
    expect((screen.getByLabelText('NPS (0–10)') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText('Page URL contains') as HTMLInputElement).value).toBe(
      '/checkout',
    );
    type('Page URL contains', '');
    type('After the event', '');
    fireEvent.click(screen.getByLabelText('Active'));
    fireEvent.click(screen.getByRole('button', { name: 'Save survey' }));
    await waitFor(() => expect(patches).toHaveLength(1));
    expect(patches[0]).toEqual({
      name: 'Checkout NPS',
      question: 'How likely are you to recommend us?',
      targeting: {},
      translations: {},
      samplePercent: 100,
      recontactDays: 30,
      active: false,
    });
  });
});

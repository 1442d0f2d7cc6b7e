import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { survey } from './fixtures';
import { HttpResponse, http, sessionAs, useMsw } from './msw';
import { renderApp } from './render-app';
import { describedErrors, recordSurveyCreates, type } from './survey-form';

const ADMIN = sessionAs('admin');

function choose(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

const value = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;

describe('trait rules in the survey builder', () => {
  const server = useMsw();

  const recordCreates = (answer?: () => Response) => recordSurveyCreates(server, answer);

  async function openNewSurvey() {
    renderApp('#/projects/p1/surveys/new', ADMIN);
    await screen.findByRole('heading', { level: 1, name: 'New survey' });
    type('Name', 'Pro NPS');
    type('Question', 'Would you recommend Pro?');
  }

  it('adds and removes labelled rules with focus kept, checks them, and sends them typed', async () => {
    const bodies = recordCreates();
    await openNewSurvey();
    expect(screen.getByText('No rules: everyone who qualifies above may see it.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Add a rule' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByLabelText('Rule 1: trait')),
    );
    type('Rule 1: trait', 'plan');
    type('Rule 1: value', 'pro');
    fireEvent.click(screen.getByRole('button', { name: 'Add a rule' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByLabelText('Rule 2: trait')),
    );
    type('Rule 2: trait', 'seats');
    choose('Rule 2: condition', 'gt');
    type('Rule 2: value', 'ten');
    fireEvent.click(screen.getByRole('button', { name: 'Add a rule' }));
    choose('Rule 3: condition', 'absent');
    // "is not set" takes no value.
    expect(screen.queryByLabelText('Rule 3: value')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Create survey' }));
    await waitFor(() =>
      expect(describedErrors(screen.getByLabelText('Rule 2: value'))).toEqual([
        'Enter a number, like 10 or 2.5.',
      ]),
    );
    expect(describedErrors(screen.getByLabelText('Rule 3: trait'))).toEqual([
      'Name the trait, like plan.',
    ]);
    await waitFor(() =>
      expect(document.activeElement?.id).toBe(screen.getByLabelText('Rule 2: value').id),
    );
    expect(bodies).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Remove rule 3' }));
    expect(screen.queryByLabelText('Rule 3: trait')).toBeNull();
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add a rule' })),
    );
    type('Rule 2: value', '10');
    fireEvent.click(screen.getByLabelText('Any one rule holds'));
    fireEvent.click(screen.getByRole('button', { name: 'Create survey' }));
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect((bodies[0] as { targeting: unknown }).targeting).toEqual({
      traits: {
        match: 'any',
        rules: [
          { trait: 'plan', op: 'eq', value: 'pro' },
          { trait: 'seats', op: 'gt', value: 10 },
        ],
      },
    });
  });

  it('shows stored rules as typed text and sends them back unchanged', async () => {
    const traits = {
      match: 'all' as const,
      rules: [
        { trait: 'plan', op: 'in' as const, value: ['team', 'pro', 12] },
        { trait: 'code', op: 'eq' as const, value: '12' },
        { trait: 'beta', op: 'neq' as const, value: true },
        { trait: 'tags', op: 'contains' as const, value: 'eu' },
        { trait: 'cancelledAt', op: 'exists' as const, value: false },
      ],
    };
    const patches: unknown[] = [];
    server.use(
      http.get('*/v1/admin/surveys/srv_1', () =>
        HttpResponse.json(survey({ targeting: { traits } })),
      ),
      http.patch('*/v1/admin/surveys/srv_1', async ({ request }) => {
        patches.push(await request.json());
        return HttpResponse.json(survey());
      }),
      http.get('*/v1/admin/surveys', () => HttpResponse.json({ items: [] })),
    );
    renderApp('#/projects/p1/surveys/srv_1/edit', ADMIN);
    await screen.findByRole('heading', { level: 1, name: 'Edit “Checkout NPS”' });
    expect(value('Rule 1: value')).toBe('team, pro, 12');
    expect(value('Rule 2: value')).toBe('"12"');
    expect(value('Rule 5: condition')).toBe('absent');
    fireEvent.click(screen.getByRole('button', { name: 'Save survey' }));
    await waitFor(() => expect(patches).toHaveLength(1));
    expect((patches[0] as { targeting: unknown }).targeting).toEqual({ traits });
  });

  it('puts a 400 naming a rule beside that rule’s field', async () => {
    recordCreates(() =>
      HttpResponse.json(
        {
          error: {
            code: 'invalid_body',
            message: 'Invalid body',
            details: [{ path: 'targeting.traits.rules.0.value', message: 'Too big' }],
          },
        },
        { status: 400 },
      ),
    );
    await openNewSurvey();
    fireEvent.click(screen.getByRole('button', { name: 'Add a rule' }));
    type('Rule 1: trait', 'plan');
    type('Rule 1: value', 'pro');
    fireEvent.click(screen.getByRole('button', { name: 'Create survey' }));
    await waitFor(() =>
      expect(describedErrors(screen.getByLabelText('Rule 1: value'))).toEqual(['Too big']),
    );
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByLabelText('Rule 1: value')),
    );
  });
});

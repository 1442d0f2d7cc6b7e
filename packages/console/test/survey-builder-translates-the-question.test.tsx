import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { survey } from './fixtures';
import { HttpResponse, http, sessionAs, useMsw } from './msw';
import { renderApp } from './render-app';
import { type } from './survey-form';

const ADMIN = sessionAs('admin');

function addLanguage(language: string, name: string) {
  fireEvent.change(screen.getByLabelText('Add a language'), { target: { value: language } });
  fireEvent.click(screen.getByRole('button', { name: `Add ${name}` }));
}

describe('the survey builder’s other languages', () => {
  const server = useMsw();

  function recordWrites() {
    const writes: { method: string; body: Record<string, unknown> }[] = [];
    const record = async ({ request }: { request: Request }) => {
      writes.push({ method: request.method, body: (await request.json()) as never });
      return HttpResponse.json(survey(), { status: request.method === 'POST' ? 201 : 200 });
    };
    server.use(
      http.post('*/v1/admin/surveys', record),
      http.patch('*/v1/admin/surveys/srv_1', record),
      http.get('*/v1/admin/surveys', () => HttpResponse.json({ items: [] })),
    );
    return writes;
  }

  it('adds a language, focuses its question and sends only the texts written', async () => {
    const writes = recordWrites();
    renderApp('#/projects/p1/surveys/new', ADMIN);
    await screen.findByRole('heading', { level: 1, name: 'New survey' });
    type('Name', 'Recommend');
    type('Question', 'Would you recommend us?');
    fireEvent.click(screen.getByLabelText('Ask a follow-up question chosen by the score'));
    type('Detractors (0–6)', 'What went wrong?');
    type('Passives (7–8)', 'What is missing?');
    type('Promoters (9–10)', 'What do you love?');

    addLanguage('fr', 'French');
    const french = screen.getByLabelText('Question in French');
    await waitFor(() => expect(document.activeElement).toBe(french));
    expect(french.getAttribute('lang')).toBe('fr');
    type('Question in French', '  Nous recommanderiez-vous ?  ');
    type('Follow-up for detractors in French', 'Qu’est-ce qui n’a pas marché ?');
    // A language added and left empty is not sent.
    addLanguage('de', 'German');
    expect(screen.queryByRole('option', { name: 'French (fr)' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Create survey' }));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]?.body.translations).toEqual({
      fr: {
        question: 'Nous recommanderiez-vous ?',
        followUp: { detractor: 'Qu’est-ce qui n’a pas marché ?' },
      },
    });
  });

  it('shows a stored survey’s languages, and removing the last one clears them', async () => {
    const writes = recordWrites();
    server.use(
      http.get('*/v1/admin/surveys/srv_1', () =>
        HttpResponse.json(
          survey({ translations: { de: { question: 'Würden Sie uns empfehlen?' } } }),
        ),
      ),
    );
    renderApp('#/projects/p1/surveys/srv_1/edit', ADMIN);
    await screen.findByRole('heading', { level: 1, name: 'Edit “Checkout NPS”' });
    expect((screen.getByLabelText('Question in German') as HTMLInputElement).value).toBe(
      'Würden Sie uns empfehlen?',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Remove German' }));
    expect(screen.queryByLabelText('Question in German')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save survey' }));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toMatchObject({ method: 'PATCH', body: { translations: {} } });
  });

  it('names a translation over the limit beside its field and sends nothing', async () => {
    const writes = recordWrites();
    renderApp('#/projects/p1/surveys/new', ADMIN);
    await screen.findByRole('heading', { level: 1, name: 'New survey' });
    type('Name', 'Recommend');
    type('Question', 'Would you recommend us?');
    addLanguage('fr', 'French');
    type('Question in French', 'x'.repeat(501));
    fireEvent.click(screen.getByRole('button', { name: 'Create survey' }));
    const french = screen.getByLabelText('Question in French');
    await waitFor(() => expect(french.getAttribute('aria-invalid')).toBe('true'));
    await waitFor(() => expect(document.activeElement).toBe(french));
    expect(writes).toEqual([]);
  });

  it('places the server’s refusal of a translation beside its field', async () => {
    server.use(
      http.post('*/v1/admin/surveys', () =>
        HttpResponse.json(
          {
            error: {
              code: 'invalid_body',
              message: 'Invalid body',
              details: [{ path: 'translations.fr.question', message: 'Too long for the server.' }],
            },
          },
          { status: 400 },
        ),
      ),
      http.get('*/v1/admin/surveys', () => HttpResponse.json({ items: [] })),
    );
    renderApp('#/projects/p1/surveys/new', ADMIN);
    await screen.findByRole('heading', { level: 1, name: 'New survey' });
    type('Name', 'Recommend');
    type('Question', 'Would you recommend us?');
    addLanguage('fr', 'French');
    type('Question in French', 'Nous recommanderiez-vous ?');
    fireEvent.click(screen.getByRole('button', { name: 'Create survey' }));
    await screen.findByText('Too long for the server.');
    const french = screen.getByLabelText('Question in French');
    await waitFor(() => expect(document.activeElement).toBe(french));
  });
});

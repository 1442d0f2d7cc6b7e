import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { projectView } from './fixtures';
import { HttpResponse, http, OWNER_SESSION, useMsw } from './msw';
import { renderApp } from './render-app';

describe('widget texts per language', () => {
  const server = useMsw();

  it('saves a French title under textsByLocale.fr and an every-language one under texts', async () => {
    let saved: { widgetConfig?: Record<string, unknown> } | undefined;
    server.use(
      http.put('*/v1/console/projects/p1/widget', async ({ request }) => {
        saved = (await request.json()) as typeof saved;
        return HttpResponse.json(projectView());
      }),
    );
    renderApp('#/projects/p1/widget', OWNER_SESSION);
    const language = (await screen.findByLabelText('Texts for')) as HTMLSelectElement;
    fireEvent.input(screen.getByLabelText('Dialog title'), { target: { value: 'Talk to us' } });
    fireEvent.change(language, { target: { value: 'fr' } });
    // The French fields start empty: the every-language override is not shown as French.
    const title = screen.getByLabelText('Dialog title') as HTMLInputElement;
    expect(title.value).toBe('');
    expect(title.placeholder).toBe('Comment pouvons-nous vous aider ?');
    fireEvent.input(title, { target: { value: 'Parlez-nous' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save widget settings' }));

    await waitFor(() => expect(saved).toBeDefined());
    expect(saved?.widgetConfig?.texts).toMatchObject({ title: 'Talk to us' });
    expect(saved?.widgetConfig?.textsByLocale).toEqual({ fr: { title: 'Parlez-nous' } });
  });
});

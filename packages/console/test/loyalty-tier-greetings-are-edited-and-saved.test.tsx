import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { HttpResponse, http, sessionAs, useMsw } from './msw';
import { renderApp } from './render-app';

const TIERS = [
  { name: 'Bronze', threshold: 0 },
  { name: 'Gold', threshold: 1000, greeting: 'Welcome back, {firstName|friend}' },
];

describe('tier greetings in the loyalty program', () => {
  const server = useMsw();

  function serveProgram() {
    const saved: unknown[] = [];
    server.use(
      http.get('*/v1/admin/loyalty/rewards', () => HttpResponse.json({ items: [] })),
      http.get('*/v1/admin/loyalty/ways-to-earn', () => HttpResponse.json({ items: [] })),
      http.get('*/v1/admin/loyalty/tiers', () => HttpResponse.json({ items: TIERS })),
      http.put('*/v1/admin/loyalty/tiers', async ({ request }) => {
        const body = await request.json();
        saved.push(body);
        return HttpResponse.json({ items: body });
      }),
    );
    return saved;
  }

  /** The program page, typed into as soon as the tiers show. */
  async function openProgram() {
    renderApp('#/projects/p1/loyalty', sessionAs('admin'));
    await screen.findByLabelText('Greeting 1');
  }

  it('shows each tier’s greeting in a labelled field and saves it, empty ones left out', async () => {
    const saved = serveProgram();
    await openProgram();
    const gold = screen.getByLabelText('Greeting 2') as HTMLInputElement;
    expect(gold.value).toBe('Welcome back, {firstName|friend}');
    expect((screen.getByLabelText('Greeting 1') as HTMLInputElement).value).toBe('');
    expect(gold.getAttribute('aria-describedby')).toBeTruthy();
    const hint = document.getElementById(gold.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toContain('{firstName|friend}');

    fireEvent.input(screen.getByLabelText('Greeting 1'), {
      target: { value: '  Hi {firstName|there}, welcome to {tier}  ' },
    });
    fireEvent.input(gold, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save tiers' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual([
      { name: 'Bronze', threshold: 0, greeting: 'Hi {firstName|there}, welcome to {tier}' },
      { name: 'Gold', threshold: 1000 },
    ]);
  });

  it('refuses a greeting over the length limit before sending', async () => {
    const saved = serveProgram();
    await openProgram();
    fireEvent.input(screen.getByLabelText('Greeting 1'), {
      target: { value: 'x'.repeat(501) },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save tiers' }));
    await screen.findByText(
      'The text of “Bronze” is too long: at most 500 characters (it has 501).',
    );
    expect(saved).toEqual([]);
  });

  it('lists greetings to a member, who cannot change them', async () => {
    serveProgram();
    renderApp('#/projects/p1/loyalty', sessionAs('member'));
    await screen.findByText(
      'Gold: from 1,000 lifetime points — “Welcome back, {firstName|friend}”',
    );
    expect(screen.queryByLabelText('Greeting 1')).toBeNull();
  });
});

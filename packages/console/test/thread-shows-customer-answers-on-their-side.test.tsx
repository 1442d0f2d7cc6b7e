import { screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { feedbackItem, thread } from './fixtures';
import { HttpResponse, http, OWNER_SESSION, useMsw } from './msw';
import { renderApp } from './render-app';

const team = (id: string, body: string, createdAt: string) => ({
  id,
  body,
  createdAt,
  author: { name: 'Olive Owner', kind: 'team' as const, userId: 'u1' },
});
const customer = (id: string, body: string, createdAt: string) => ({
  id,
  body,
  createdAt,
  author: { name: 'Customer', kind: 'customer' as const, userId: null },
});

describe("the customer's answers in a thread", () => {
  const server = useMsw();

  it('shows them on the customer side, as text with their line breaks, and the thread waiting on the team', async () => {
    const answered = thread({
      item: feedbackItem(1, {
        userId: 'cust-1',
        email: 'ann@example.test',
        status: 'in_progress',
        waitingOnTeam: true,
        replies: [
          { id: 'r1', body: 'Which browser?', author: 'team', createdAt: '2026-12-01T13:00:00Z' },
          { id: 'r2', body: 'x', author: 'customer', createdAt: '2026-12-01T14:00:00Z' },
        ],
      }),
      replies: [
        team('r1', 'Which browser?', '2026-12-01T13:00:00.000Z'),
        customer('r2', 'Firefox 133\n<img src=x onerror=alert(1)>', '2026-12-01T14:00:00.000Z'),
      ],
    });
    server.use(http.get('*/v1/admin/feedback/f1', () => HttpResponse.json(answered)));
    renderApp('#/projects/p1/inbox/f1', OWNER_SESSION);
    const conversation = await screen.findByRole('region', { name: 'Conversation' });
    const entries = within(conversation).getAllByRole('listitem');
    expect(entries.map((entry) => entry.className)).toEqual(['reply card', 'customer card']);
    const answer = entries[1] as HTMLElement;
    expect(within(answer).getByText('Customer', { selector: '.badge' })).toBeTruthy();
    const body = answer.querySelector('.prewrap');
    expect(body?.textContent).toBe('Firefox 133\n<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText('Waiting on the team')).toBeTruthy();
  });

  it('says nothing is waiting once the team replied last', async () => {
    const replied = thread({
      item: feedbackItem(1, {
        status: 'in_progress',
        waitingOnTeam: false,
        replies: [{ id: 'r1', body: 'Done', author: 'team', createdAt: '2026-12-01T13:00:00Z' }],
      }),
      replies: [team('r1', 'Done', '2026-12-01T13:00:00.000Z')],
    });
    server.use(http.get('*/v1/admin/feedback/f1', () => HttpResponse.json(replied)));
    renderApp('#/projects/p1/inbox/f1', OWNER_SESSION);
    await screen.findByRole('region', { name: 'Conversation' });
    expect(screen.queryByText('Waiting on the team')).toBeNull();
  });
});

describe('a detractor thread', () => {
  const server = useMsw();

  it('says which survey score opened it', async () => {
    const opened = thread({
      item: feedbackItem(1, {
        message: 'Too slow',
        surveyAnswer: { surveyId: 'nps-1', score: 3 },
      }),
    });
    server.use(http.get('*/v1/admin/feedback/f1', () => HttpResponse.json(opened)));
    renderApp('#/projects/p1/inbox/f1', OWNER_SESSION);
    const line = await screen.findByText(/Opened by an unhappy survey answer/);
    expect(line.textContent).toContain('score 3');
    expect(line.textContent).toContain('nps-1');
  });
});

import { act, fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { feedbackItem, thread } from './fixtures';
import { HttpResponse, http, OWNER_SESSION, useMsw } from './msw';
import { go, renderApp } from './render-app';

describe('focus after navigation', () => {
  const server = useMsw();

  it('lands on the new page’s heading, also when it appears after the data loads', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.use(
      http.get('*/v1/admin/feedback', () =>
        HttpResponse.json({
          items: [feedbackItem(1)],
          counts: { new: 1, in_progress: 0, resolved: 0 },
        }),
      ),
      http.get('*/v1/admin/feedback/f1', async () => {
        await held;
        return HttpResponse.json(thread());
      }),
    );
    renderApp('#/projects/p1/inbox', OWNER_SESSION);
    const inbox = await screen.findByRole('heading', { level: 1, name: 'Inbox' });
    await waitFor(() => expect(document.activeElement).toBe(inbox));

    act(() => go('#/projects/p1/inbox/f1'));
    const placeholder = await screen.findByRole('heading', { level: 1, name: 'Feedback' });
    await waitFor(() => expect(document.activeElement).toBe(placeholder));
    release();
    const real = await screen.findByRole('heading', {
      level: 1,
      name: 'Feedback from ann@example.test',
    });
    await waitFor(() => expect(document.activeElement).toBe(real));
  });

  it('leaves focus alone once the person has moved it', async () => {
    server.use(http.get('*/v1/admin/feedback/f1', () => HttpResponse.json(thread())));
    renderApp('#/projects/p1/inbox/f1', OWNER_SESSION);
    const reply = await screen.findByRole('textbox', { name: 'Reply' });
    reply.focus();
    fireEvent.focusIn(reply);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.activeElement).toBe(reply);
  });
});

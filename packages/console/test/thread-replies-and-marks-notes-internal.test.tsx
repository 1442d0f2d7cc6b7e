import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { FeedbackThread } from '../src/api/types';
import { thread } from './fixtures';
import { errorBody, HttpResponse, http, OWNER_SESSION, useMsw } from './msw';
import { renderApp } from './render-app';

describe('the thread view', () => {
  const server = useMsw();

  /** A server that keeps the thread and appends replies and notes signed by the session user. */
  function serveThread(start: FeedbackThread) {
    let current = start;
    const writes: { path: string; body: unknown; csrf: string | null; project: string | null }[] =
      [];
    const record = async (request: Request) => {
      const body = await request.json();
      writes.push({
        path: new URL(request.url).pathname,
        body,
        csrf: request.headers.get('x-csrf-token'),
        project: request.headers.get('x-rapport-project'),
      });
      return body as { body: string };
    };
    const entry = (body: string) => ({
      id: `e${writes.length}`,
      body,
      createdAt: new Date().toISOString(),
      author: { name: 'Olive Owner' },
    });
    server.use(
      http.get('*/v1/admin/feedback/f1', () => HttpResponse.json(current)),
      http.post('*/v1/admin/feedback/f1/replies', async ({ request }) => {
        const { body } = await record(request);
        current = { ...current, replies: [...current.replies, entry(body)] };
        return HttpResponse.json({}, { status: 201 });
      }),
      http.post('*/v1/admin/feedback/f1/notes', async ({ request }) => {
        const { body } = await record(request);
        current = { ...current, notes: [...current.notes, entry(body)] };
        return HttpResponse.json({}, { status: 201 });
      }),
      http.patch('*/v1/admin/feedback/f1', async ({ request }) => {
        const body = (await record(request)) as unknown as {
          status: FeedbackThread['item']['status'];
        };
        current = { ...current, item: { ...current.item, status: body.status } };
        return HttpResponse.json(current.item);
      }),
    );
    return writes;
  }

  it('shows the message, its context and the customer card', async () => {
    serveThread(thread());
    renderApp('#/projects/p1/inbox/f1', OWNER_SESSION);
    await screen.findByRole('heading', { level: 1, name: 'Feedback from ann@example.test' });
    expect(screen.getByText('Message number 1')).toBeTruthy();
    expect(screen.getByText('https://shop.example/product')).toBeTruthy();
    expect(screen.getByText('Chrome 131 on Linux')).toBeTruthy();
    expect(screen.getByText('1280 × 800')).toBeTruthy();
    expect(screen.getByText('fr-FR')).toBeTruthy();
    const card = screen.getByRole('region', { name: 'Customer' });
    expect(within(card).getByText('120 points · Silver')).toBeTruthy();
    expect(within(card).getByText('pro')).toBeTruthy();
    expect(screen.getByText('https://shop.example/cart')).toBeTruthy();
  });

  it('sends a reply from the field labelled Reply, with the CSRF token, and shows it signed', async () => {
    const writes = serveThread(thread());
    renderApp('#/projects/p1/inbox/f1', OWNER_SESSION);
    fireEvent.input(await screen.findByRole('textbox', { name: 'Reply' }), {
      target: { value: '  Thanks Ann, fixed in 2.1.  ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    await screen.findByText('Thanks Ann, fixed in 2.1.');
    expect(writes).toEqual([
      {
        path: '/v1/admin/feedback/f1/replies',
        body: { body: 'Thanks Ann, fixed in 2.1.' },
        csrf: 'csrf-token-1',
        project: 'p1',
      },
    ]);
    const conversation = screen.getByRole('region', { name: 'Conversation' });
    expect(within(conversation).getByText('Olive Owner')).toBeTruthy();
    expect(within(conversation).queryByText(/Only your team sees notes/)).toBeNull();
    expect((screen.getByRole('textbox', { name: 'Reply' }) as HTMLTextAreaElement).value).toBe('');
  });

  it('marks internal notes "Only your team sees notes"', async () => {
    const writes = serveThread(thread());
    renderApp('#/projects/p1/inbox/f1', OWNER_SESSION);
    fireEvent.input(await screen.findByRole('textbox', { name: 'Internal note' }), {
      target: { value: 'Customer is on the legacy plan' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    const note = (await screen.findByText('Customer is on the legacy plan')).closest('li')!;
    expect(within(note).getByText(/Only your team sees notes/)).toBeTruthy();
    expect(writes[0]?.path).toBe('/v1/admin/feedback/f1/notes');
  });

  it('changes the status and keeps the reply text when sending fails', async () => {
    const writes = serveThread(thread());
    renderApp('#/projects/p1/inbox/f1', OWNER_SESSION);
    fireEvent.change(await screen.findByLabelText('Status'), { target: { value: 'resolved' } });
    await screen.findByText('Status saved.');
    expect(writes.at(-1)).toMatchObject({ body: { status: 'resolved' } });
    server.use(
      http.post('*/v1/admin/feedback/f1/replies', () =>
        errorBody(400, 'invalid_body', 'The reply is too long.'),
      ),
    );
    fireEvent.input(screen.getByRole('textbox', { name: 'Reply' }), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    await screen.findByText('The reply is too long.');
    expect((screen.getByRole('textbox', { name: 'Reply' }) as HTMLTextAreaElement).value).toBe('x');
  });

  it('explains a thread that does not exist', async () => {
    server.use(
      http.get('*/v1/admin/feedback/f1', () =>
        errorBody(404, 'not_found', 'No feedback with this id.'),
      ),
    );
    renderApp('#/projects/p1/inbox/f1', OWNER_SESSION);
    await screen.findByText('No feedback with this id.');
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Feedback'),
    );
  });
});

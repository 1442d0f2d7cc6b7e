import { fireEvent } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { axeViolations } from './helpers/axe';
import { fakeRetryTimers } from './helpers/read-retries';
import { openDialog, type RenderedWidget, renderWidget } from './helpers/render-widget';

let w: RenderedWidget;
afterEach(() => {
  w?.cleanup();
  vi.useRealTimers();
});

test('the inbox lists threads with their status and the team’s replies as plain text', async () => {
  w = await renderWidget({}, { userId: 'jane' });
  w.server.state.inbox = {
    threads: [
      {
        id: 'f1',
        message: 'Export to CSV <b>please</b>',
        category: 'idea',
        status: 'in_progress',
        createdAt: '2026-11-20T10:00:00Z',
        replies: [
          {
            id: 'r1',
            body: '<img src=x onerror=alert(1)> On the roadmap!',
            author: 'team',
            createdAt: '2026-11-21T09:00:00Z',
          },
        ],
      },
    ],
  };
  await openDialog(w, 'Messages');
  await w.screen.findByRole('heading', { name: 'Your messages' });
  expect(w.screen.getByText('In progress')).toBeTruthy();
  expect(w.screen.getByText('Export to CSV <b>please</b>')).toBeTruthy();
  // Server text is rendered as text, never parsed as markup.
  expect(w.screen.getByText('<img src=x onerror=alert(1)> On the roadmap!')).toBeTruthy();
  expect(w.shadow.querySelector('img, b')).toBeNull();
  expect(w.screen.getByText(/^Team ·/)).toBeTruthy();
  expect(await axeViolations(w.widget.host!)).toEqual([]);
});

test('an empty inbox explains where replies will appear', async () => {
  w = await renderWidget({}, { userId: 'jane' });
  await openDialog(w, 'Messages');
  await w.screen.findByText(/No messages yet/);
  expect(await axeViolations(w.widget.host!)).toEqual([]);
});

test('loading, then a failure with a retry that recovers', async () => {
  w = await renderWidget({}, { userId: 'jane' });
  // After identify: the SDK's own outbox timers must run for real until then.
  const timers = fakeRetryTimers();
  w.server.state.failing.add('/v1/inbox');
  await openDialog(w, 'Messages');
  expect(w.screen.getByRole('status').textContent).toBe('Loading…');
  await timers.exhaust();
  const alert = await w.screen.findByRole('alert');
  expect(alert.textContent).toContain('We couldn’t load your messages.');
  w.server.state.failing.clear();
  fireEvent.click(w.screen.getByRole('button', { name: 'Try again' }));
  await w.screen.findByText(/No messages yet/);
});

test('anonymous visitors see the threads of this browser, read with the device secret', async () => {
  w = await renderWidget();
  w.server.state.inbox = {
    threads: [
      {
        id: 'f9',
        message: 'Sent before signing in',
        category: null,
        status: 'new',
        createdAt: '2026-11-20T10:00:00Z',
        replies: [
          { id: 'r9', body: 'We hear you', author: 'team', createdAt: '2026-11-21T09:00:00Z' },
        ],
      },
    ],
  };
  await openDialog(w, 'Messages');
  expect(await w.screen.findByText('We hear you')).toBeTruthy();
  expect(w.screen.queryByText(/Sign in/)).toBeNull();
  expect(w.server.state.requests).toContain('GET /v1/inbox');
  expect(await axeViolations(w.widget.host!)).toEqual([]);
});

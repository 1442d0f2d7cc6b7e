import type { InboxResponse } from '@rapport/protocol';
import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { createFakeServer } from './helpers/fake-server';
import { openDialog, type RenderedWidget, renderWidget } from './helpers/render-widget';

let tabs: RenderedWidget[] = [];
afterEach(() => {
  for (const tab of tabs) tab.cleanup();
  tabs = [];
});

const reply = (id: string, author: 'team' | 'customer', createdAt: string) => ({
  id,
  body: `Reply ${id}`,
  author,
  createdAt,
});

function inboxWithReplies(): InboxResponse {
  return {
    threads: [
      {
        id: 'f1',
        message: 'Where is my order?',
        category: 'question',
        status: 'in_progress',
        createdAt: '2026-11-20T10:00:00Z',
        replies: [
          reply('r1', 'team', '2026-11-21T09:00:00Z'),
          reply('r2', 'customer', '2026-11-21T10:00:00Z'),
          reply('r3', 'team', '2026-11-21T11:00:00Z'),
        ],
      },
    ],
  };
}

const launcher = (tab: RenderedWidget) =>
  tab.shadow.querySelector('button.launcher') as HTMLButtonElement;
const badge = (tab: RenderedWidget) => tab.shadow.querySelector('.unread') as HTMLElement;
/** The polite live regions' text: what a screen reader is told without moving focus. */
const announced = (tab: RenderedWidget) =>
  [...tab.shadow.querySelectorAll('[aria-live="polite"]')].map((node) => node.textContent);
// Each test signs in its own user: tabs share counts with every tab of the same user through a
// BroadcastChannel, which also reaches other test files running in this process.
const unreadAsks = (tab: RenderedWidget) =>
  tab.server.state.requests.filter((request) => request === 'GET /v1/inbox/unread').length;

test('the badge shows the count with a spoken label, and reading clears it in every tab', async () => {
  const server = createFakeServer({ inbox: inboxWithReplies() });
  const first = await renderWidget({}, { server, userId: 'jane-two-tabs' });
  const second = await renderWidget({}, { server, userId: 'jane-two-tabs' });
  tabs = [first, second];

  for (const tab of tabs) {
    await waitFor(() => expect(badge(tab).textContent).toBe('2'));
    expect(badge(tab).getAttribute('aria-hidden')).toBe('true');
    expect(launcher(tab).getAttribute('aria-label')).toBe(
      'Open feedback and rewards, 2 unread replies',
    );
    expect(announced(tab)).toContain('2 unread replies');
  }
  const asked = unreadAsks(first);

  await openDialog(first, 'Messages');
  await first.screen.findByText('Reply r3');
  await waitFor(() => expect(badge(first).textContent).toBe(''));
  expect(server.state.readThrough).toBe('2026-11-21T11:00:00Z');
  // The other tab is told, without asking the server.
  await waitFor(() => expect(badge(second).textContent).toBe(''));
  expect(launcher(second).getAttribute('aria-label')).toBe('Open feedback and rewards');
  expect(announced(second)).not.toContain('2 unread replies');
  expect(unreadAsks(first)).toBe(asked);
});

test('a reply that arrives while the tab is hidden shows when the visitor comes back', async () => {
  const server = createFakeServer();
  const tab = await renderWidget({}, { server, userId: 'jane-hidden-tab' });
  tabs = [tab];
  await waitFor(() => expect(unreadAsks(tab)).toBe(1));
  expect(badge(tab).textContent).toBe('');

  server.state.inbox = {
    threads: [
      { ...inboxWithReplies().threads[0], replies: [reply('r9', 'team', '2026-11-22T09:00:00Z')] },
    ],
  } as InboxResponse;
  fireEvent(document, new Event('visibilitychange'));
  await waitFor(() => expect(badge(tab).textContent).toBe('1'));
  expect(launcher(tab).getAttribute('aria-label')).toBe(
    'Open feedback and rewards, 1 unread reply',
  );
});

test('the count is said in the visitor’s language with its plural rules', async () => {
  const server = createFakeServer({ inbox: inboxWithReplies() });
  const tab = await renderWidget({ locale: 'fr' }, { server, userId: 'jane-in-french' });
  tabs = [tab];
  await waitFor(() => expect(announced(tab)).toContain('2 réponses non lues'));
  expect(launcher(tab).getAttribute('aria-label')).toBe(
    'Ouvrir les avis et récompenses, 2 réponses non lues',
  );
});

test('without the Messages section the launcher never asks', async () => {
  const server = createFakeServer({ inbox: inboxWithReplies() });
  server.state.config.panels = ['feedback', 'loyalty'];
  const tab = await renderWidget({}, { server, userId: 'jane-without-messages' });
  tabs = [tab];
  await waitFor(() => expect(server.state.requests).toContain('GET /v1/config'));
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(unreadAsks(tab)).toBe(0);
  expect(badge(tab).textContent).toBe('');
});

test('after optOut, coming back to the tab asks nothing and raises nothing', async () => {
  const server = createFakeServer({ inbox: inboxWithReplies() });
  const tab = await renderWidget({}, { server, userId: 'jane-opted-out' });
  tabs = [tab];
  await waitFor(() => expect(unreadAsks(tab)).toBe(1));
  const errors: string[] = [];
  tab.client.on('error', ({ error }) => errors.push(error.code));

  tab.client.optOut();
  fireEvent(document, new Event('visibilitychange'));
  await new Promise((resolve) => setTimeout(resolve, 20));

  expect(unreadAsks(tab)).toBe(1);
  expect(errors).toEqual([]);
});

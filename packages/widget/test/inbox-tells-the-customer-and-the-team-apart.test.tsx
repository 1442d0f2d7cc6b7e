import { afterEach, expect, test } from 'vitest';
import { openDialog, type RenderedWidget, renderWidget } from './helpers/render-widget';

let w: RenderedWidget;
afterEach(() => w?.cleanup());

test('each message of a thread is labelled and styled by who wrote it', async () => {
  w = await renderWidget({}, { userId: 'jane' });
  w.server.state.inbox = {
    threads: [
      {
        id: 'f1',
        message: 'Where is my order?',
        category: 'question',
        status: 'in_progress',
        createdAt: '2026-11-20T10:00:00Z',
        replies: [
          { id: 'r1', body: 'On its way!', author: 'team', createdAt: '2026-11-21T09:00:00Z' },
          { id: 'r2', body: 'Thanks a lot', author: 'customer', createdAt: '2026-11-21T10:00:00Z' },
        ],
      },
    ],
  };
  await openDialog(w, 'Messages');
  const team = await w.screen.findByText('On its way!');
  const mine = w.screen.getByText('Thanks a lot');
  const bubble = (node: HTMLElement) => node.closest('.reply, .mine');
  expect(bubble(team)?.className).toBe('reply');
  expect(bubble(mine)?.className).toBe('mine');
  expect(bubble(team)?.textContent).toMatch(/^Team ·/);
  expect(bubble(mine)?.textContent).toMatch(/^You ·/);
});

import type { InboxThread } from '@rapport/protocol';
import { fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { axeViolations } from './helpers/axe';
import { openDialog, type RenderedWidget, renderWidget } from './helpers/render-widget';

let w: RenderedWidget;
afterEach(() => w?.cleanup());

const RESOLVED_AT = '2026-11-22T15:00:00.000Z';

const thread = (id: string, message: string, resolved: boolean): InboxThread => ({
  id,
  message,
  category: 'question',
  status: resolved ? 'resolved' : 'in_progress',
  createdAt: '2026-11-20T10:00:00Z',
  replies: [{ id: `${id}-r`, body: 'Fixed it', author: 'team', createdAt: '2026-11-21T09:00:00Z' }],
  ...(resolved && { resolution: { resolvedAt: RESOLVED_AT, answered: false } }),
});

async function threadNamed(message: string) {
  const item = (await w.screen.findByText(message)).closest('li');
  if (!item) throw new Error(`no thread for ${message}`);
  return within(item);
}

const ratings = () => w.server.state.messages.filter((m) => m.type === 'resolution_rating');

test('a resolved thread asks "Did we solve this?" once, by keyboard, and sends the answer through the outbox', async () => {
  w = await renderWidget({}, { userId: 'jane' });
  w.server.state.inbox = {
    threads: [thread('f1', 'Where is my order?', true), thread('f2', 'Still open', false)],
  };
  await openDialog(w, 'Messages');
  const one = await threadNamed('Where is my order?');
  // Only the resolved thread asks.
  expect(w.screen.getAllByText('Did we solve this?')).toHaveLength(1);
  expect((await threadNamed('Still open')).queryByText('Did we solve this?')).toBeNull();
  expect(await axeViolations(w.widget.host!)).toEqual([]);

  const group = one.getByRole('radiogroup', { name: 'Did we solve this?' });
  fireEvent.keyDown(group, { key: 'End' });
  fireEvent.keyDown(group, { key: 'ArrowLeft' });
  expect(one.getByRole('radio', { name: '4 out of 5' }).getAttribute('aria-checked')).toBe('true');
  fireEvent.input(one.getByLabelText('Anything to add? (optional)'), {
    target: { value: 'Fast, <b>thanks</b>' },
  });
  fireEvent.click(one.getByRole('button', { name: 'Send answer' }));

  expect((await one.findByRole('status')).textContent).toBe(
    'Thank you — your answer helps us get better.',
  );
  expect(one.queryByText('Did we solve this?')).toBeNull();
  expect(w.shadow.querySelector('b')).toBeNull();
  await waitFor(() =>
    expect(ratings()).toEqual([
      expect.objectContaining({
        threadId: 'f1',
        resolvedAt: RESOLVED_AT,
        score: 4,
        comment: 'Fast, <b>thanks</b>',
      }),
    ]),
  );

  // Closed and opened again, the thread does not ask a second time.
  fireEvent.keyDown(w.screen.getByRole('dialog'), { key: 'Escape' });
  await openDialog(w, 'Messages');
  await w.screen.findByText('Where is my order?');
  expect(w.screen.queryByText('Did we solve this?')).toBeNull();
  expect(ratings()).toHaveLength(1);
});

test('"Not now" dismisses it for this resolution with a rating without score; Send without a score says why', async () => {
  w = await renderWidget({}, { userId: 'jane' });
  w.server.state.inbox = { threads: [thread('f1', 'Where is my order?', true)] };
  await openDialog(w, 'Messages');
  const one = await threadNamed('Where is my order?');
  fireEvent.click(one.getByRole('button', { name: 'Send answer' }));
  expect((await one.findByRole('alert')).textContent).toBe(
    'Pick a score from 1 to 5, or choose “Not now”.',
  );
  expect(ratings()).toEqual([]);

  fireEvent.click(one.getByRole('button', { name: 'Not now' }));
  await waitFor(() => expect(one.queryByText('Did we solve this?')).toBeNull());
  await waitFor(() => expect(ratings()).toHaveLength(1));
  expect(ratings()[0]).toMatchObject({ threadId: 'f1', resolvedAt: RESOLVED_AT });
  expect(ratings()[0]).not.toHaveProperty('score');
});

test('a thread whose resolution was answered asks nothing; offline, the answer waits in the outbox', async () => {
  w = await renderWidget();
  const answered = thread('f0', 'Answered before', true);
  answered.resolution = { resolvedAt: RESOLVED_AT, answered: true };
  w.server.state.inbox = { threads: [answered, thread('f1', 'Where is my order?', true)] };
  await openDialog(w, 'Messages');
  const one = await threadNamed('Where is my order?');
  expect(w.screen.getAllByText('Did we solve this?')).toHaveLength(1);

  w.server.state.offline = true;
  fireEvent.click(one.getByRole('radio', { name: '2 out of 5' }));
  fireEvent.click(one.getByRole('button', { name: 'Send answer' }));
  await one.findByRole('status');
  expect(w.outbox().filter((m) => m.type === 'resolution_rating')).toEqual([
    expect.objectContaining({ threadId: 'f1', score: 2 }),
  ]);
  w.server.state.offline = false;
  await w.client.flush();
  expect(ratings()).toEqual([expect.objectContaining({ threadId: 'f1', score: 2 })]);
});

test('in French, the question and its scale are in French', async () => {
  w = await renderWidget({ locale: 'fr' }, { userId: 'jane' });
  w.server.state.inbox = { threads: [thread('f1', 'Ma commande ?', true)] };
  await openDialog(w, 'Messages');
  const one = await threadNamed('Ma commande ?');
  expect(one.getByRole('radiogroup', { name: 'Avons-nous résolu votre demande ?' })).toBeTruthy();
  expect(one.getByRole('radio', { name: '5 sur 5' })).toBeTruthy();
  expect(one.getByRole('button', { name: 'Plus tard' })).toBeTruthy();
});

test('answering a resolved thread reopens it: the question goes, the thread is in progress again', async () => {
  w = await renderWidget({}, { userId: 'jane' });
  w.server.state.inbox = { threads: [thread('f1', 'Where is my order?', true)] };
  await openDialog(w, 'Messages');
  const one = await threadNamed('Where is my order?');
  expect(one.getByText('Resolved')).toBeTruthy();
  fireEvent.input(one.getByLabelText('Your reply'), { target: { value: 'It came back broken' } });
  fireEvent.click(one.getByRole('button', { name: 'Send' }));
  await waitFor(() => expect(one.queryByText('Did we solve this?')).toBeNull());
  expect(one.getByText('In progress')).toBeTruthy();
  expect(ratings()).toEqual([]);
});

import type { InboxThread } from '@rapport/protocol';
import { fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { axeViolations } from './helpers/axe';
import { openDialog, type RenderedWidget, renderWidget } from './helpers/render-widget';

let w: RenderedWidget;
afterEach(() => w?.cleanup());

const thread = (id: string, message: string): InboxThread => ({
  id,
  message,
  category: 'question',
  status: 'in_progress',
  createdAt: '2026-11-20T10:00:00Z',
  replies: [
    { id: `${id}-r`, body: 'Which size?', author: 'team', createdAt: '2026-11-21T09:00:00Z' },
  ],
});

async function threadNamed(message: string) {
  const item = (await w.screen.findByText(message)).closest('li');
  if (!item) throw new Error(`no thread for ${message}`);
  return within(item);
}

test('the customer answers a thread: sent once as a reply message, shown on their side with its line breaks', async () => {
  w = await renderWidget({}, { userId: 'jane' });
  w.server.state.inbox = { threads: [thread('f1', 'Where is my order?'), thread('f2', 'Other')] };
  await openDialog(w, 'Messages');
  const one = await threadNamed('Where is my order?');
  const field = one.getByLabelText('Your reply');
  fireEvent.input(field, { target: { value: 'Size M\n<b>please</b>' } });
  fireEvent.click(one.getByRole('button', { name: 'Send' }));

  const mine = await one.findByText((_, node) => node?.textContent === 'Size M\n<b>please</b>', {
    selector: 'p',
  });
  expect(mine.closest('.mine, .reply')?.className).toBe('mine');
  expect(w.shadow.querySelector('b')).toBeNull();
  await waitFor(() => expect((field as HTMLTextAreaElement).value).toBe(''));
  const replies = w.server.state.messages.filter((m) => m.type === 'reply');
  expect(replies).toEqual([
    expect.objectContaining({ type: 'reply', threadId: 'f1', body: 'Size M\n<b>please</b>' }),
  ]);
  // The other thread's field is its own.
  expect(
    ((await threadNamed('Other')).getByLabelText('Your reply') as HTMLTextAreaElement).value,
  ).toBe('');
  expect(await axeViolations(w.widget.host!)).toEqual([]);
});

test('offline, the answer waits in the outbox and the thread says it will be sent', async () => {
  w = await renderWidget();
  w.server.state.inbox = { threads: [thread('f1', 'Where is my order?')] };
  await openDialog(w, 'Messages');
  const one = await threadNamed('Where is my order?');
  w.server.state.offline = true;
  fireEvent.input(one.getByLabelText('Your reply'), { target: { value: 'Any news?' } });
  fireEvent.keyDown(one.getByLabelText('Your reply'), { key: 'Enter', ctrlKey: true });
  expect((await one.findByRole('status')).textContent).toBe(
    'Saved — it will be sent when you’re back online.',
  );
  expect(w.outbox().filter((m) => m.type === 'reply')).toEqual([
    expect.objectContaining({ threadId: 'f1', body: 'Any news?' }),
  ]);
  w.server.state.offline = false;
  await w.client.flush();
  await waitFor(() => expect(one.queryByRole('status')).toBeNull());
  expect(w.server.state.messages.filter((m) => m.type === 'reply')).toHaveLength(1);
});

test('an answer saved offline and then refused leaves the thread, its text back with an error', async () => {
  w = await renderWidget({}, { userId: 'jane' });
  w.server.state.inbox = { threads: [thread('f1', 'Where is my order?')] };
  await openDialog(w, 'Messages');
  const one = await threadNamed('Where is my order?');
  w.server.state.offline = true;
  fireEvent.input(one.getByLabelText('Your reply'), { target: { value: 'Hello?' } });
  fireEvent.click(one.getByRole('button', { name: 'Send' }));
  await one.findByRole('status');
  expect(one.getByText('Hello?', { selector: 'p' })).toBeTruthy();

  w.server.state.offline = false;
  w.server.state.rejecting.add('reply');
  await w.client.flush();
  expect((await one.findByRole('alert')).textContent).toContain('We couldn’t send your reply.');
  expect((one.getByLabelText('Your reply') as HTMLTextAreaElement).value).toBe('Hello?');
  expect(one.queryByText('Hello?', { selector: 'p' })).toBeNull();
});

test('the script tag command rapport("reply", threadId, body) queues the same reply message', async () => {
  const { createCommandApi } = await import('../src/loader/command-api');
  w = await renderWidget();
  const api = createCommandApi(() => ({ client: w.client, widget: w.widget }));
  api('init', { key: 'pk_test' });
  w.server.state.offline = true;
  api('reply', 'f1', 'From the page');
  await waitFor(() =>
    expect(w.outbox().filter((m) => m.type === 'reply')).toEqual([
      expect.objectContaining({ threadId: 'f1', body: 'From the page' }),
    ]),
  );
});

test('a thread opened by an unhappy survey answer says the team will answer there, and takes a reply', async () => {
  w = await renderWidget();
  w.server.state.inbox = {
    threads: [
      {
        ...thread('s1', 'Too slow'),
        replies: [],
        surveyAnswer: { surveyId: 'nps-1', score: 3 },
      },
    ],
  };
  await openDialog(w, 'Messages');
  const one = await threadNamed('Too slow');
  expect(
    one.getByText(
      'You answered 3 to our survey. Thank you for telling us — someone from the team will answer you here.',
    ),
  ).toBeTruthy();
  expect(one.getByLabelText('Your reply')).toBeTruthy();
  expect(await axeViolations(w.widget.host!)).toEqual([]);
});

import type { Message } from '@rapport/protocol';
import { expect, test, vi } from 'vitest';
import { createClient, type KeyValueStorage, memoryStore, type RapportClient } from '../src/index';
import { ENDPOINT } from './helpers/batch-server';
import { useBatchServer } from './helpers/setup';

const fake = useBatchServer();

/** Storage that keeps every value ever written, to prove what never reached the outbox. */
function writeLog(): KeyValueStorage & { written: string[] } {
  const inner = memoryStore();
  const written: string[] = [];
  return {
    written,
    getItem: (key) => inner.getItem(key),
    setItem(key, value) {
      written.push(value);
      inner.setItem(key, value);
    },
    removeItem: (key) => inner.removeItem(key),
  };
}

function clientWith(beforeSend: (message: Message) => Message | null | undefined) {
  const storage = writeLog();
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage, beforeSend });
  const errors: { code: string; message: string; of?: string }[] = [];
  client.on('error', ({ error, message }) =>
    errors.push({ code: error.code, message: error.message, of: message?.id }),
  );
  return { client, storage, errors };
}

const sent = () => fake.requests.flatMap((request) => request.messages);
const stripQuery = (url: string) => url.split('?')[0] as string;
const context = {
  url: 'https://shop.example/reset?token=s3cret',
  userAgent: 'test',
  viewport: { width: 800, height: 600 },
  locale: 'en',
};

test('a hook that strips query strings sends and stores only the stripped URLs', async () => {
  const { client, storage } = clientWith((message) => {
    if (message.type === 'page') message.url = stripQuery(message.url);
    if (message.type === 'feedback' && message.context) {
      message.context.url = stripQuery(message.context.url);
    }
    return message;
  });

  await client.page({ url: 'https://shop.example/reset?token=s3cret', title: 'Reset' });
  await client.feedback({ message: 'The link expired', context });

  expect(
    sent().map((m) => (m.type === 'page' ? m.url : m.type === 'feedback' && m.context?.url)),
  ).toEqual(['https://shop.example/reset', 'https://shop.example/reset']);
  expect(storage.written.some((value) => value.includes('s3cret'))).toBe(false);
  client.destroy();
});

test('the hook sees every kind of write, as a copy it may edit', async () => {
  const seen: string[] = [];
  const { client } = clientWith((message) => {
    seen.push(message.type);
    return message;
  });
  await client.identify('user-1');
  await client.track('clicked');
  await client.page({ url: 'https://shop.example/' });
  await client.feedback({ message: 'Hi', context });
  await client.surveys.respond('nps-1', { score: 9 });
  await client.surveys.dismiss('nps-2');
  expect(seen).toEqual(['identify', 'track', 'page', 'feedback', 'survey_response', 'track']);
  expect(sent()).toHaveLength(6);
  client.destroy();
});

test.each([null, undefined])(
  'a message the hook turns into %s is dropped: never stored, never sent',
  async (verdict) => {
    const { client, storage } = clientWith((message) =>
      message.type === 'track' && message.event === 'secret' ? verdict : message,
    );
    const receipt = await client.track('secret', { card: '4242' });
    await client.flush();

    expect(receipt).toEqual({ id: expect.any(String), status: 'dropped' });
    expect(storage.written.some((value) => value.includes('4242'))).toBe(false);
    expect(fake.requests).toHaveLength(0);
    // Others still go out.
    await expect(client.track('public')).resolves.toMatchObject({ status: 'sent' });
    expect(sent().map((m) => m.type === 'track' && m.event)).toEqual(['public']);
    client.destroy();
  },
);

test('a hook that throws keeps the message as built and reports an error event', async () => {
  const { client, errors } = clientWith((message) => {
    if (message.type === 'feedback') message.message = 'half-edited';
    throw new Error('hook bug');
  });
  const receipt = await client.feedback({ message: 'Keep me', context });

  expect(receipt.status).toBe('sent');
  expect(sent()).toEqual([expect.objectContaining({ id: receipt.id, message: 'Keep me' })]);
  expect(errors).toEqual([
    {
      code: 'invalid_argument',
      message: 'beforeSend threw (hook bug); kept unchanged',
      of: receipt.id,
    },
  ]);
  client.destroy();
});

test.each<[string, (message: Message) => unknown, RegExp]>([
  ['an empty feedback text', (m) => ({ ...m, message: ' ' }), /message must not be empty/],
  ['an unknown category', (m) => ({ ...m, category: 'rant' }), /category must be one of/],
  ['a changed id', (m) => ({ ...m, id: 'other' }), /must not change the message's id/],
  ['a changed user', (m) => ({ ...m, userId: 'someone' }), /must not change the message's userId/],
  ['a string', () => 'nope', /must return the message, null or undefined/],
  ['a promise', async (m) => m, /must not change the message's id/],
])(
  'a hook returning %s is checked again: the original is sent and the error reported',
  async (_, hook, reason) => {
    const { client, errors } = clientWith(hook as (message: Message) => Message);
    const receipt = await client.feedback({ message: 'Original', category: 'idea', context });

    expect(sent()).toEqual([expect.objectContaining({ id: receipt.id, message: 'Original' })]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.code).toBe('invalid_argument');
    expect(errors[0]?.message).toMatch(/^beforeSend returned an invalid message/);
    expect(errors[0]?.message).toMatch(reason);
    client.destroy();
  },
);

test('fields the hook removes stay removed: the SDK does not fill them in again', async () => {
  vi.stubGlobal('document', { title: 'Account', referrer: 'https://mail.example/?u=jane' });
  const { client } = clientWith((message) => {
    if (message.type === 'page') delete message.referrer;
    return message;
  });
  await client.page({ url: 'https://shop.example/account' });
  expect(sent()[0]).toMatchObject({ title: 'Account' });
  expect(sent()[0]).not.toHaveProperty('referrer');
  client.destroy();
});

test('without a hook the client sends what it built (no option, or not a function)', async () => {
  const client = createClient({
    key: 'pk_test',
    endpoint: ENDPOINT,
    storage: memoryStore(),
    beforeSend: 'strip' as never,
  }) as RapportClient;
  await expect(client.track('x')).resolves.toMatchObject({ status: 'sent' });
  client.destroy();
});

import type { Message } from '@rapport/protocol';
import { HttpResponse } from 'msw';
import { expect, test, vi } from 'vitest';
import { createClient, memoryStore } from '../src/index';
import { accept, ENDPOINT } from './helpers/batch-server';
import { useBatchServer, useFakeClock } from './helpers/setup';

const fake = useBatchServer();

test('a new client on the same storage sends what the last one left, with the original ids, stored once', async () => {
  useFakeClock();
  vi.spyOn(Math, 'random').mockReturnValue(0.5);
  // The server stores by id, like Rapport's; the first answer is lost on the way back.
  const stored = new Map<string, Message>();
  let loseAnswer = true;
  fake.reply((messages) => {
    for (const message of messages) if (!stored.has(message.id)) stored.set(message.id, message);
    if (loseAnswer) {
      loseAnswer = false;
      return HttpResponse.error();
    }
    return accept(messages);
  });
  const storage = memoryStore();
  const before = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage });
  const lost = await before.feedback({ message: 'Sent, but the answer was lost' });
  fake.reply(() => HttpResponse.error()); // then offline until the reload
  const waiting = await before.feedback({ message: 'Written offline' });
  expect([lost.status, waiting.status]).toEqual(['queued', 'queued']);
  before.destroy(); // the page reloads

  fake.reply((messages) => {
    for (const message of messages) if (!stored.has(message.id)) stored.set(message.id, message);
    return accept(messages);
  });
  const after = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage });
  expect(after.anonymousId).toBe(before.anonymousId);
  await after.flush();

  expect([...stored.keys()]).toEqual([lost.id, waiting.id]);
  const resent = fake.requests.at(-1)!.messages.map(({ id }) => id);
  expect(resent).toEqual([lost.id, waiting.id]);
  expect(storage.getItem('rapport:pk_test:outbox')).toBeNull();
  after.destroy();
});

import type { Message } from '@rapport/protocol';
import { expect, test } from 'vitest';
import { createEmitter } from '../src/emitter';
import { createLifecycle } from '../src/lifecycle';
import { createOutbox } from '../src/outbox/outbox';
import { memoryStore } from '../src/storage/memory-store';
import { scriptedTransport } from './helpers/scripted-transport';

const message = {
  id: 'm1',
  type: 'track',
  event: 'e',
  timestamp: '2026-12-02T12:00:00.000Z',
  anonymousId: 'a',
} as Message;

test('a destroyed outbox refuses new messages, lists none and hands none to the beacon', async () => {
  const storage = memoryStore();
  storage.setItem('rapport:pk_test:outbox', JSON.stringify([message]));
  const server = scriptedTransport();
  const beacon = scriptedTransport();
  const emitter = createEmitter();
  const lifecycle = createLifecycle(storage, 'rapport:pk_test:consent', 'granted', emitter);
  const outbox = createOutbox({
    storage,
    prefix: 'rapport:pk_test:',
    transport: server.transport,
    beacon: beacon.transport,
    headers: () => ({}),
    emitter,
    maxMessages: 10,
    maxBytes: 100_000,
    retryBaseMs: 1_000,
    retryCapMs: 1_000,
    refusal: lifecycle.refusal,
  });
  // The client's destroy(): the lifecycle says so, then the outbox stops.
  lifecycle.destroy();
  outbox.stop();
  await expect(outbox.deliver({ ...message, id: 'm2' })).rejects.toMatchObject({
    code: 'destroyed',
    message: 'The client was destroyed',
  });
  expect(outbox.pending()).toStrictEqual([]);
  outbox.drainWithBeacon();
  await expect(outbox.flush()).resolves.toBeUndefined();
  expect(beacon.requests).toHaveLength(0);
  expect(server.requests).toHaveLength(0);
  expect(JSON.parse(storage.getItem('rapport:pk_test:outbox') ?? '[]')).toEqual([message]);
});

import { expect, test, vi } from 'vitest';
import { createClient, memoryStore } from '../src/index';
import { ENDPOINT } from './helpers/batch-server';
import { useBatchServer } from './helpers/setup';

useBatchServer();

test('a throwing listener neither breaks the write nor the next listener; on() unsubscribes', async () => {
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage: memoryStore() });
  const next = vi.fn();
  const removed = vi.fn();
  client.on('sent', () => {
    throw new Error('bug in the host page');
  });
  client.on('sent', next);
  const off = client.on('sent', removed);
  off();

  const receipt = await client.track('clicked');

  expect(receipt.status).toBe('sent');
  expect(next).toHaveBeenCalledWith({ message: expect.objectContaining({ id: receipt.id }) });
  expect(removed).not.toHaveBeenCalled();
  client.destroy();
});

test('emit() reaches listeners of widget events', () => {
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage: memoryStore() });
  const shown = vi.fn();
  client.on('survey:shown', shown);
  client.emit('survey:shown', { surveyId: 'nps-1' });
  expect(shown).toHaveBeenCalledWith({ surveyId: 'nps-1' });
  client.destroy();
});

import { expect, test } from 'vitest';
import { createClient, memoryStore, type RapportClient } from '../src/index';
import { scriptedTransport } from './helpers/scripted-transport';

// The outbox asks the client's lifecycle itself instead of trusting that the client checked:
// page code running inside a write (a beforeSend hook) can withdraw consent before the
// message reaches the outbox.
test('a beforeSend hook that opts the visitor out leaves the message unstored and unsent', async () => {
  const storage = memoryStore();
  const server = scriptedTransport();
  let client: RapportClient | undefined;
  client = createClient({
    key: 'pk_test',
    storage,
    transport: server.transport,
    beforeSend(message) {
      client?.optOut();
      return message;
    },
  });
  await expect(client.track('checkout')).rejects.toMatchObject({ code: 'consent_required' });
  await client.flush();
  expect(server.requests).toHaveLength(0);
  expect(storage.getItem('rapport:pk_test:outbox')).toBeNull();
  client.destroy();
});

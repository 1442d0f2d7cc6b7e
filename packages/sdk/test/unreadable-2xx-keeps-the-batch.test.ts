import { HttpResponse } from 'msw';
import { expect, test, vi } from 'vitest';
import { createClient, memoryStore } from '../src/index';
import { accept, ENDPOINT } from './helpers/batch-server';
import { useBatchServer, useFakeClock } from './helpers/setup';

const fake = useBatchServer();

test('a 2xx whose body is not a batch answer (a proxy page) keeps the batch and retries it', async () => {
  useFakeClock();
  let calls = 0;
  fake.reply((messages) =>
    ++calls === 1
      ? HttpResponse.html('<html><body>Please sign in to the Wi-Fi</body></html>')
      : accept(messages),
  );
  const storage = memoryStore();
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage });
  const sent = vi.fn();
  client.on('sent', sent);

  const receipt = await client.feedback({ message: 'Hello' });

  // Not acknowledged: still waiting in storage, not reported as sent.
  expect(receipt.status).toBe('queued');
  expect(sent).not.toHaveBeenCalled();
  expect(storage.getItem('rapport:pk_test:outbox')).toContain('Hello');

  await vi.advanceTimersByTimeAsync(2000);
  expect(fake.requests).toHaveLength(2);
  expect(fake.requests[1]?.messages[0]?.id).toBe(fake.requests[0]?.messages[0]?.id);
  expect(sent).toHaveBeenCalledTimes(1);
  expect(storage.getItem('rapport:pk_test:outbox')).toBeNull();
  client.destroy();
});

test('an empty 2xx (a beacon, a minimal server) still counts as accepted', async () => {
  fake.reply(() => new HttpResponse(null, { status: 204 }));
  const storage = memoryStore();
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage });
  expect((await client.track('x')).status).toBe('sent');
  expect(storage.getItem('rapport:pk_test:outbox')).toBeNull();
  client.destroy();
});

import type { Message } from '@rapport/protocol';
import {
  createClient,
  type KeyValueStorage,
  memoryStore,
  memoryTransport,
  type RapportClient,
} from '@rapport/sdk';
import { type FakeServer, USER_HASH } from './fake-server';

export const KEY = 'pk_test';

export interface TestClient {
  client: RapportClient;
  storage: KeyValueStorage;
  /** Messages waiting in the SDK's outbox, read from its storage. */
  outbox(): Message[];
}

/**
 * The real SDK client on a memoryTransport whose handler is the fake server, with in-memory
 * storage. With `userId`, the visitor is identified (with a userHash) before the widget mounts.
 */
export async function createTestClient(
  server: FakeServer,
  { userId }: { userId?: string } = {},
): Promise<TestClient> {
  const storage = memoryStore();
  const client = createClient({ key: KEY, transport: memoryTransport(server.handle), storage });
  if (userId) await client.identify(userId, undefined, { userHash: USER_HASH });
  const outbox = (): Message[] => {
    const raw = storage.getItem(`rapport:${KEY}:outbox`);
    if (!raw) return [];
    const parsed = JSON.parse(raw) as Message[] | { messages?: Message[] };
    return Array.isArray(parsed) ? parsed : (parsed.messages ?? []);
  };
  return { client, storage, outbox };
}

import type { Message } from '@rapport/protocol';
import type {
  ClientEventName,
  ClientEvents,
  KeyValueStorage,
  RapportClient,
  TransportResponse,
  WriteReceipt,
} from '../../../sdk/src/types';
import { type FakeServer, USER_HASH } from './fake-server';

// Stopgap until @rapport/sdk exports createClient: a minimal client over the fake server's
// handler with the SDK's contract (reads reject, writes persist to an outbox in storage).

export const OUTBOX_KEY = 'rapport:outbox';

export function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

export interface TestClient {
  client: RapportClient;
  storage: ReturnType<typeof memoryStorage>;
  /** Messages waiting in the outbox storage. */
  outbox(): Message[];
}

export async function createTestClient(
  server: FakeServer,
  { userId }: { userId?: string } = {},
): Promise<TestClient> {
  const storage = memoryStorage();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let user = userId;
  let counter = 0;
  const outbox = (): Message[] => JSON.parse(storage.getItem(OUTBOX_KEY) ?? '[]');

  const emit = (event: string, payload: unknown) => {
    for (const fn of listeners.get(event) ?? []) fn(payload);
  };
  const error = (code: string, message: string, status?: number) =>
    Object.assign(new Error(message), { name: 'RapportError' as const, code, status });

  async function read(path: string, method: 'GET' | 'POST' = 'GET', body?: unknown) {
    let response: TransportResponse;
    try {
      response = await server.handle({ method, path, body: structuredClone(body) });
    } catch {
      throw error('network', 'Could not reach the Rapport server');
    }
    if (response.status >= 300) {
      const e = (response.body as { error: { code: string; message: string } }).error;
      throw error(e.code, e.message, response.status);
    }
    return response.body;
  }

  async function write(type: string, fields: Record<string, unknown>): Promise<WriteReceipt> {
    const id = `m-${++counter}`;
    const message = {
      id,
      type,
      timestamp: new Date().toISOString(),
      anonymousId: 'anon-1',
      ...(user ? { userId: user } : {}),
      ...fields,
    } as Message;
    storage.setItem(OUTBOX_KEY, JSON.stringify([...outbox(), message]));
    try {
      await read('/v1/batch', 'POST', { messages: outbox() });
      storage.removeItem(OUTBOX_KEY);
      return { id, status: 'sent' };
    } catch {
      return { id, status: 'queued' };
    }
  }

  const query = () => `?userId=${user ?? ''}&userHash=${user ? USER_HASH : ''}`;
  const pending = new Map<string, Promise<unknown>>();
  const client: RapportClient = {
    key: 'pk_test',
    anonymousId: 'anon-1',
    get userId() {
      return user;
    },
    consent: 'granted',
    async identify(id, traits) {
      user = id;
      emit('identify', { userId: id, traits });
      return write('identify', { userId: id });
    },
    track: (event, properties) => write('track', { event, properties }),
    page: () => write('page', { url: 'http://localhost/' }),
    async feedback(input) {
      if (!input.message?.trim()) throw error('invalid_argument', 'message is required');
      return write('feedback', { ...input });
    },
    config: () => read('/v1/config') as never,
    surveys: {
      eligible: async () => ((await read('/v1/surveys/eligible')) as { surveys: never }).surveys,
      respond: (surveyId, answer) => write('survey_response', { surveyId, ...answer }),
      dismiss: (surveyId) =>
        write('track', { event: '$survey_dismissed', properties: { surveyId } }),
    },
    loyalty: {
      get: () => read(`/v1/loyalty${query()}`) as never,
      redeem(rewardId) {
        const existing = pending.get(rewardId);
        if (existing) return existing as never;
        const id = `r-${++counter}`;
        const call = read('/v1/loyalty/redeem', 'POST', {
          id,
          userId: user,
          userHash: USER_HASH,
          rewardId,
        }).finally(() => pending.delete(rewardId));
        pending.set(rewardId, call);
        return call as never;
      },
    },
    inbox: { get: () => read(`/v1/inbox${query()}`) as never },
    on<E extends ClientEventName>(event: E, fn: (payload: ClientEvents[E]) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(fn as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(fn as (payload: unknown) => void);
    },
    emit,
    flush: async () => undefined,
    reset() {
      user = undefined;
      emit('reset', {});
    },
    optIn() {},
    optOut() {},
    destroy() {},
  };
  return { client, storage, outbox };
}

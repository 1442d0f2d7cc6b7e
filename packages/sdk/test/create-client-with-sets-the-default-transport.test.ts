import { HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { createClientWith, fetchTransport, memoryStore, type Transport } from '../src/index';
import { ENDPOINT } from './helpers/batch-server';
import { useJsonServer } from './helpers/json-server';

const server = useJsonServer();

test('createClientWith(make) builds the default transport from the endpoint', async () => {
  const made: string[] = [];
  const createClient = createClientWith(({ endpoint }) => {
    made.push(endpoint);
    return fetchTransport({ endpoint });
  });
  server.answer('GET /v1/config', () => HttpResponse.json({ panels: ['feedback'] }));
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage: memoryStore() });

  await expect(client.config()).resolves.toEqual({ panels: ['feedback'] });
  expect(made).toEqual([ENDPOINT]);
  expect(server.seen[0]?.headers.get('authorization')).toBe('Bearer pk_test');
  client.destroy();
});

test('a transport given in the options still wins over the default', async () => {
  const createClient = createClientWith(() => {
    throw new Error('the default transport must not be built');
  });
  const sent: string[] = [];
  const transport: Transport = {
    async send(request) {
      sent.push(`${request.method} ${request.path}`);
      return { status: 200, headers: {}, body: { panels: [] } };
    },
  };
  const client = createClient({ key: 'pk_test', transport, storage: memoryStore() });

  await expect(client.config()).resolves.toEqual({ panels: [] });
  expect(sent).toEqual(['GET /v1/config']);
  client.destroy();
});

import type { RapportClient, RapportErrorLike } from '@rapport/sdk';
import { createClient, memoryStore, memoryTransport } from '@rapport/sdk';
import { afterEach, expect, test, vi } from 'vitest';
import { createCommandApi, type InitSettings } from '../src/loader/command-api';
import type { WidgetHandle } from '../src/mount';
import { settingsFromScript } from '../src/script-tag';
import { createFakeServer } from './helpers/fake-server';

afterEach(() => vi.restoreAllMocks());

/** A real client on the fake server, and a widget handle that records its calls. */
function session(options: { consent?: 'pending' } = {}) {
  const server = createFakeServer();
  const client: RapportClient = createClient({
    key: 'pk_test',
    transport: memoryTransport(server.handle),
    storage: memoryStore(),
    ...options,
  });
  const calls: string[] = [];
  const widget = {
    open() {},
    close() {},
    update: (next: unknown) => calls.push(`update ${JSON.stringify(next)}`),
    unmount() {},
  } as unknown as WidgetHandle;
  const errors: RapportErrorLike[] = [];
  client.on('error', ({ error }) => errors.push(error));
  const inits: InitSettings[] = [];
  const api = createCommandApi((settings) => {
    inits.push(settings);
    return { client, widget };
  });
  api('init', { key: 'pk_test' });
  return { api, client, server, calls, errors, inits };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

test('feedback sends the SDK’s feedback message, from { text } or { message }', async () => {
  const { api, server, client } = session();
  expect(api('feedback', { text: 'Checkout is slow', category: 'bug', rating: 2 })).toBeUndefined();
  api('feedback', { message: 'Love it', category: 'praise' });
  await tick();
  expect(server.state.messages).toEqual([
    expect.objectContaining({
      type: 'feedback',
      message: 'Checkout is slow',
      category: 'bug',
      rating: 2,
    }),
    expect.objectContaining({ type: 'feedback', message: 'Love it', category: 'praise' }),
  ]);
  client.destroy();
});

test('bad feedback is reported through the error event and never thrown into the page', async () => {
  const { api, server, errors, client } = session();
  expect(() => api('feedback')).not.toThrow();
  expect(() => api('feedback', 'just a string')).not.toThrow();
  expect(() => api('feedback', { text: '', category: 'rant' })).not.toThrow();
  await tick();
  expect(errors.map((error) => error.code)).toEqual(Array(3).fill('invalid_argument'));
  expect(server.state.messages).toEqual([]);
  client.destroy();
});

test('optIn and optOut change the client’s consent', async () => {
  const { api, client, server } = session({ consent: 'pending' });
  api('optIn');
  expect(client.consent).toBe('granted');
  api('track', 'after opt-in');
  await tick();
  expect(server.state.messages).toHaveLength(1);
  api('optOut');
  expect(client.consent).toBe('denied');
  client.destroy();
});

test('attachTo is the attachTo option of update', () => {
  const { api, calls, client } = session();
  api('attachTo', '#help');
  expect(calls).toEqual(['update {"attachTo":"#help"}']);
  client.destroy();
});

test('the script tag reads data-consent, data-launcher="false" and data-attach-to', () => {
  const script = document.createElement('script');
  script.dataset.key = 'pk_live';
  script.dataset.consent = 'pending';
  script.dataset.launcher = 'false';
  script.dataset.attachTo = '#help';
  expect(settingsFromScript(script)).toMatchObject({
    key: 'pk_live',
    consent: 'pending',
    launcher: false,
    attachTo: '#help',
  });
  const plain = document.createElement('script');
  plain.dataset.key = 'pk_live';
  plain.dataset.launcher = 'true';
  expect(settingsFromScript(plain)).not.toHaveProperty('launcher');
  expect(settingsFromScript(plain)).not.toHaveProperty('consent');
});

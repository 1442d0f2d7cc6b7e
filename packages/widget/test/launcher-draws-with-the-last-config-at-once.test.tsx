import { createClient, memoryStore, memoryTransport } from '@rapport/sdk';
import { waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { storedConfigCache } from '../src/core/config-cache';
import { createMount } from '../src/core/create-mount';
import type { WidgetHandle } from '../src/core/widget-handle';
import { importChunks } from '../src/mount';
import { createFakeServer, type FakeServer } from './helpers/fake-server';

const KEY = 'pk_cache';
const storage = memoryStore();
const cache = storedConfigCache(() => storage);
const mount = createMount(importChunks, undefined, cache);
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** One page view: a client on `storage` (shared by every view, like localStorage) and the widget. */
function visit(server: FakeServer, consent?: 'pending') {
  const client = createClient({
    key: KEY,
    transport: memoryTransport(server.handle),
    storage,
    ...(consent ? { consent } : {}),
  });
  const widget: WidgetHandle = mount(client, { locale: 'en' });
  cleanups.push(() => {
    widget.unmount();
    client.destroy();
  });
  const root = widget.host!.shadowRoot!.querySelector('.root')!;
  const launcher = widget.host!.shadowRoot!.querySelector<HTMLButtonElement>('.launcher')!;
  return { client, root, launcher, widget };
}

function ownerConfig(): FakeServer {
  const server = createFakeServer();
  server.state.surveys = [];
  server.state.config.position = 'bottom-left';
  return server;
}

test('the next page draws the launcher with the config the server last sent, then revalidates', async () => {
  storage.removeItem(`rapport:${KEY}:config`);
  const server = ownerConfig();
  const first = visit(server);
  // The first view ever: defaults until the server answers.
  expect(first.root.classList.contains('bottom-right')).toBe(true);
  await waitFor(() => expect(first.root.classList.contains('bottom-left')).toBe(true));
  first.widget.unmount();

  // The owner hides the dialog sections meanwhile; the next view starts from what it knew…
  server.state.config.panels = ['surveys'];
  const second = visit(server);
  expect(second.root.classList.contains('bottom-left')).toBe(true);
  expect(second.launcher.hidden).toBe(false);
  // …and asks again: the launcher the owner switched off goes at once.
  await waitFor(() => expect(second.launcher.hidden).toBe(true));
  second.widget.unmount();

  const third = visit(server);
  expect(third.launcher.hidden).toBe(true);
});

test('nothing is kept without consent, and opting out forgets the kept config', async () => {
  storage.removeItem(`rapport:${KEY}:config`);
  storage.removeItem(`rapport:${KEY}:consent`);
  const server = ownerConfig();
  const pending = visit(server, 'pending');
  expect(server.state.requests).not.toContain('GET /v1/config');
  expect(storage.getItem(`rapport:${KEY}:config`)).toBeNull();

  pending.client.optIn();
  await waitFor(() => expect(pending.root.classList.contains('bottom-left')).toBe(true));
  expect(storage.getItem(`rapport:${KEY}:config`)).not.toBeNull();

  pending.client.optOut();
  expect(storage.getItem(`rapport:${KEY}:config`)).toBeNull();
  pending.widget.unmount();
  // Opted out: the next view draws the defaults and keeps nothing.
  const next = visit(server);
  expect(next.client.consent).toBe('denied');
  expect(next.root.classList.contains('bottom-right')).toBe(true);
});

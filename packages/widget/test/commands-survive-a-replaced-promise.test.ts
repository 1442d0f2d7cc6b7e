import { createClient, memoryStore, memoryTransport, type RapportErrorLike } from '@rapport/sdk';
import { afterEach, expect, test, vi } from 'vitest';
import { guard } from '../src/actions/report-error';
import { createCommandApi } from '../src/loader/command-api';
import type { WidgetHandle } from '../src/mount';

const NativePromise = Promise;
afterEach(() => {
  globalThis.Promise = NativePromise;
});

/**
 * What zone.js (Angular) and old polyfills do: `window.Promise` becomes another class, while
 * `async` functions still return native promises — which are then not `instanceof Promise`.
 */
function replacePagePromise() {
  globalThis.Promise = class PagePromise<T> extends NativePromise<T> {} as PromiseConstructor;
}

function startSession() {
  const errors: RapportErrorLike[] = [];
  const client = createClient({
    key: 'pk_test',
    storage: memoryStore(),
    transport: memoryTransport(() => ({
      status: 200,
      body: { accepted: 1, duplicates: 0, rejected: [] },
    })),
  });
  client.on('error', ({ error }) => errors.push(error));
  const widget = { unmount() {} } as unknown as WidgetHandle;
  return { errors, start: () => ({ client, widget }) };
}

test('a rejected command is reported, not left unhandled, when the page replaced Promise', async () => {
  const unhandled = vi.fn();
  process.on('unhandledRejection', unhandled);
  try {
    const { errors, start } = startSession();
    const api = createCommandApi(start);
    api('init', { key: 'pk_test' });
    replacePagePromise();

    api('identify', 42);
    await new NativePromise((resolve) => setTimeout(resolve, 10));

    expect(errors.map((error) => error.code)).toEqual(['invalid_argument']);
    expect(unhandled).not.toHaveBeenCalled();
  } finally {
    process.off('unhandledRejection', unhandled);
  }
});

test('a guarded handler that rejects is reported when the page replaced Promise', async () => {
  const { errors, start } = startSession();
  const { client } = start();
  replacePagePromise();
  const unhandled = vi.fn();
  process.on('unhandledRejection', unhandled);
  try {
    guard(client, async () => {
      throw new Error('boom');
    })();
    await new NativePromise((resolve) => setTimeout(resolve, 10));
    expect(errors.map((error) => error.code)).toEqual(['internal']);
    expect(unhandled).not.toHaveBeenCalled();
  } finally {
    process.off('unhandledRejection', unhandled);
  }
});

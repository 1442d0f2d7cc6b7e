import type { RapportClient } from '@rapport/sdk';
import { afterEach, expect, test, vi } from 'vitest';
import { createCommandApi, type InitSettings, replayQueue } from '../src/loader/command-api';
import type { WidgetHandle } from '../src/mount';

afterEach(() => vi.restoreAllMocks());

/** A session whose client and widget record every call, in one shared log. */
function recorder() {
  const log: string[] = [];
  const inits: InitSettings[] = [];
  const record =
    (name: string, result?: unknown) =>
    (...args: unknown[]) => {
      log.push(`${name} ${JSON.stringify(args)}`);
      return result;
    };
  const start = (settings: InitSettings) => {
    inits.push(settings);
    const client = {
      identify: record('identify', Promise.resolve()),
      track: record('track', Promise.resolve()),
      page: record('page', Promise.resolve()),
      reset: record('reset'),
      on: record('on', () => {}),
      emit: record('emit'),
      destroy: record('destroy'),
    } as unknown as RapportClient;
    const widget = {
      open: record('open'),
      close: record('close'),
      update: record('update'),
      unmount: record('unmount'),
    } as unknown as WidgetHandle;
    return { client, widget };
  };
  return { log, inits, start };
}

test('calls queued before load are replayed in order after one init', () => {
  const { log, inits, start } = recorder();
  const api = createCommandApi(start);
  const queue = [
    ['identify', 'jane', { plan: 'pro' }, { userHash: 'abc' }],
    ['init', { key: 'pk_live', theme: 'dark' }],
    ['track', 'Signed up'],
    ['open', 'loyalty'],
  ];
  replayQueue(api, queue, { api: 'https://rapport.example.com' });

  expect(inits).toEqual([{ key: 'pk_live', theme: 'dark', api: 'https://rapport.example.com' }]);
  expect(log).toEqual([
    'identify ["jane",{"plan":"pro"},{"userHash":"abc"}]',
    'track ["Signed up",null]',
    'open ["loyalty"]',
  ]);
});

test('the script tag’s data-key starts the widget; later commands run at once', () => {
  const { log, inits, start } = recorder();
  const api = createCommandApi(start);
  replayQueue(api, [], { key: 'pk_demo' });
  expect(inits).toEqual([{ key: 'pk_demo' }]);
  api('close');
  api('update', { locale: 'fr' });
  api('reset');
  const off = api('on', 'sent', () => {});
  expect(typeof off).toBe('function');
  expect(log).toEqual(['close []', 'update [{"locale":"fr"}]', 'reset []', 'on ["sent",null]']);
});

test('without a key, commands wait for init and then run in order', () => {
  const { log, start } = recorder();
  const api = createCommandApi(start);
  replayQueue(api, [['track', 'early']], {});
  api('page');
  expect(log).toEqual([]);
  api('init', { key: 'pk_later' });
  expect(log).toEqual(['track ["early",null]', 'page [null]']);
});

test('unknown commands and a bad init are reported, never thrown', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const { log, start } = recorder();
  const api = createCommandApi(start);
  expect(() => api('init', 'pk_oops')).not.toThrow();
  expect(warn).toHaveBeenCalledWith(
    '[rapport]',
    expect.objectContaining({ code: 'invalid_argument' }),
  );
  api('init', { key: 'pk_demo' });
  expect(() => api('explode', 1)).not.toThrow();
  expect(log).toEqual([
    expect.stringMatching(/^emit \["error",\{"error":\{.*"code":"invalid_argument".*explode/),
  ]);
});

test('a second init replaces the first session, keeping earlier settings', () => {
  const { log, inits, start } = recorder();
  const api = createCommandApi(start);
  api('init', { key: 'pk_demo', locale: 'fr' });
  api('init', { theme: 'dark', key: 'pk_demo' });
  expect(inits[1]).toEqual({ key: 'pk_demo', locale: 'fr', theme: 'dark' });
  expect(log).toEqual(['unmount []', 'destroy []']);
});

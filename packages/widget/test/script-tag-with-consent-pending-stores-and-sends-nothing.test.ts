import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { RapportCommand } from '../src/loader/command-api';

/** Every request the page makes, by fetch or beacon, as `METHOD /path`. */
let requests: string[];

beforeEach(() => {
  requests = [];
  localStorage.clear();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(input, init);
      const { pathname } = new URL(request.url);
      requests.push(`${request.method} ${pathname}`);
      const body =
        pathname === '/v1/batch'
          ? { accepted: 1, duplicates: 0, rejected: [] }
          : pathname === '/v1/surveys/eligible'
            ? { surveys: [] }
            : {};
      return new Response(JSON.stringify(body), {
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  vi.spyOn(navigator, 'sendBeacon').mockImplementation((url) => {
    requests.push(`BEACON ${new URL(String(url)).pathname}`);
    return true;
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  for (const node of document.querySelectorAll('rapport-widget, script[data-key]')) node.remove();
  Reflect.deleteProperty(window, 'rapport');
  Reflect.deleteProperty(globalThis, '__RAPPORT_CHUNKS__');
  localStorage.clear();
});

/** Load the script-tag entry the way the page's `<script data-key data-consent>` would. */
async function loadScriptTag(attributes: Record<string, string>): Promise<RapportCommand> {
  const script = document.createElement('script');
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  document.head.append(script);
  Object.assign(globalThis, { __RAPPORT_CHUNKS__: { ui: 'rapport-ui.js', locales: {} } });
  vi.resetModules();
  await import('../src/script-tag');
  return window.rapport as RapportCommand;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const rapportKeys = () =>
  Object.keys(localStorage).filter((key) => key.startsWith('rapport:pk_gdpr:'));

test('with data-consent="pending" nothing is stored and no request leaves until optIn', async () => {
  const rapport = await loadScriptTag({
    'data-key': 'pk_gdpr',
    'data-api': 'https://rapport.test',
    'data-consent': 'pending',
  });
  const errors: string[] = [];
  rapport('on', 'error', ({ error }: { error: { code: string } }) => errors.push(error.code));

  rapport('identify', 'jane', { plan: 'pro' });
  rapport('track', 'Viewed pricing');
  rapport('page');
  rapport('feedback', { text: 'Before consent' });
  window.dispatchEvent(new Event('online'));
  window.dispatchEvent(new Event('pagehide'));
  await settle();

  expect(requests).toEqual([]);
  expect(rapportKeys()).toEqual([]);
  expect(document.cookie).toBe('');
  // The page hears why its calls did nothing; the widget itself reports nothing on load.
  expect(errors).toEqual(Array(4).fill('consent_required'));

  rapport('optIn');
  await settle();
  // The widget now reads its config, the due surveys and the unread count; the identity is stored.
  expect(requests).toEqual(['GET /v1/config', 'GET /v1/surveys/eligible', 'GET /v1/inbox/unread']);
  expect(rapportKeys()).toEqual(expect.arrayContaining(['rapport:pk_gdpr:identity']));

  rapport('track', 'Consented');
  await settle();
  expect(requests).toContain('POST /v1/batch');
});

test('after optOut the identity is erased and no request leaves again', async () => {
  const rapport = await loadScriptTag({
    'data-key': 'pk_gdpr',
    'data-api': 'https://rapport.test',
  });
  rapport('track', 'Before the refusal');
  await settle();
  expect(requests).toContain('POST /v1/batch');
  expect(rapportKeys()).toContain('rapport:pk_gdpr:identity');

  rapport('optOut');
  const before = requests.length;
  rapport('identify', 'jane');
  rapport('feedback', { message: 'After the refusal' });
  window.dispatchEvent(new Event('pagehide'));
  await settle();

  expect(requests).toHaveLength(before);
  expect(rapportKeys()).toEqual(['rapport:pk_gdpr:consent']);
  expect(localStorage.getItem('rapport:pk_gdpr:consent')).toBe('denied');
});

test('consent given in init works like the data attribute', async () => {
  const rapport = await loadScriptTag({ 'data-api': 'https://rapport.test' });
  rapport('init', { key: 'pk_gdpr', consent: 'pending' });
  rapport('track', 'Queued before consent');
  await settle();
  expect(requests).toEqual([]);
  expect(rapportKeys()).toEqual([]);
});

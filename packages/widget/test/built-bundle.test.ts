import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '@testing-library/preact';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { ensureWidgetBundle } from '../../../scripts/widget-bundle';

const root = join(import.meta.dirname, '..');
const bundlePath = join(root, 'dist/rapport.js');
let code = '';

beforeAll(() => {
  // Rebuilt when older than any source it bundles (widget, SDK, protocol).
  ensureWidgetBundle();
  code = readFileSync(bundlePath, 'utf8');
}, 60_000);

afterAll(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  document.querySelector('rapport-widget')?.remove();
  Reflect.deleteProperty(window, 'rapport');
});

test('every script-tag file runs under a strict CSP: no eval, no new Function, no style=', () => {
  const files = readdirSync(join(root, 'dist')).filter((file) => /^rapport.*\.js$/.test(file));
  expect(files).toContain('rapport.js');
  expect(files.filter((file) => /^rapport-(ui|fr)-[0-9a-f]{8}\.js$/.test(file))).toHaveLength(2);
  for (const file of files) {
    const text = readFileSync(join(root, 'dist', file), 'utf8');
    // Plain booleans: a failing toMatch would print the whole bundle.
    expect(/\beval\(/.test(text)).toBe(false);
    expect(/new Function/.test(text)).toBe(false);
    expect(/style=/.test(text)).toBe(false);
    // zod stays on the server: the bundle gets only types and constants from protocol.
    expect(/ZodError|zod/i.test(text)).toBe(false);
  }
  // The first load carries no UI framework: Preact's markers are in the UI chunk only.
  expect(/__preactattr_|\b__H\b/.test(code)).toBe(false);
});

test('the widget source never hands text to innerHTML', () => {
  const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' });
  const offenders = files.filter(
    (file) =>
      /\.tsx?$/.test(file) &&
      /innerHTML|dangerouslySetInnerHTML/.test(readFileSync(join(root, 'src', file), 'utf8')),
  );
  expect(offenders).toEqual([]);
});

test('the built IIFE replays the stub’s queue in order and becomes window.rapport', async () => {
  const bodies: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(input, init);
      const url = new URL(request.url);
      if (request.method === 'POST') bodies.push(await request.clone().json());
      const body =
        url.pathname === '/v1/batch'
          ? { accepted: 1, duplicates: 0, rejected: [] }
          : url.pathname === '/v1/surveys/eligible'
            ? { surveys: [] }
            : {};
      return new Response(JSON.stringify(body), {
        status: url.pathname === '/v1/config' ? 404 : 200,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );

  // The inline stub, exactly as the README shows it, then calls made before the bundle loads.
  new Function(
    'window.rapport=window.rapport||function(){(rapport.q=rapport.q||[]).push(arguments)}',
  )();
  const w = window as unknown as { rapport: ((...args: unknown[]) => unknown) & { q?: unknown } };
  w.rapport('track', 'first');
  w.rapport('track', 'second');
  w.rapport('open');

  // happy-dom loads no script files: play the browser's part for the chunks rapport.js adds
  // to <head>, running each built file with document.currentScript set, as a browser would.
  const chunksLoaded: string[] = [];
  vi.spyOn(document.head, 'append').mockImplementation((...nodes) => {
    for (const node of nodes) {
      const chunk = node as HTMLScriptElement;
      const file = chunk.src.split('/').pop()!;
      chunksLoaded.push(file);
      setTimeout(() => {
        Object.defineProperty(document, 'currentScript', { value: chunk, configurable: true });
        try {
          new Function(readFileSync(join(root, 'dist', file), 'utf8'))();
        } finally {
          Reflect.deleteProperty(document, 'currentScript');
        }
        chunk.dispatchEvent(new Event('load'));
      }, 0);
    }
  });

  const script = document.createElement('script');
  script.dataset.key = 'pk_demo';
  script.dataset.api = 'https://rapport.test';
  document.body.append(script);
  // Evaluated as a classic script would be (no document.currentScript: exercises the fallback).
  new Function(code)();

  expect(w.rapport.q).toBeUndefined();
  const host = document.querySelector('rapport-widget');
  expect(host?.shadowRoot).toBeTruthy();
  // The UI chunk is evaluated here (52 KB of script): allow for a busy machine.
  await waitFor(() => expect(host!.shadowRoot!.querySelector('[role="dialog"]')).not.toBeNull(), {
    timeout: 5_000,
  });
  await waitFor(() => expect(bodies.length).toBeGreaterThan(0));
  const events = bodies
    .flatMap((b) => (b as { messages: { event?: string }[] }).messages)
    .map((m) => m.event);
  expect(events).toEqual(['first', 'second']);
  // The dialog came from the content-hashed UI chunk, loaded once; English needs no locale chunk.
  expect(chunksLoaded).toHaveLength(1);
  expect(chunksLoaded[0]).toMatch(/^rapport-ui-[0-9a-f]{8}\.js$/);
  expect(() => w.rapport('no-such-command')).not.toThrow();
  w.rapport('close');
});

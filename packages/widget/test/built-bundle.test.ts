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
  document.querySelector('rapport-widget')?.remove();
  Reflect.deleteProperty(window, 'rapport');
});

test('the script-tag build runs under a strict CSP: no eval, no new Function, no style=', () => {
  // Plain booleans: a failing toMatch would print the whole bundle.
  expect(/\beval\(/.test(code)).toBe(false);
  expect(/new Function/.test(code)).toBe(false);
  expect(/style=/.test(code)).toBe(false);
  // zod stays on the server: the bundle gets only types and constants from protocol.
  expect(/ZodError|zod/i.test(code)).toBe(false);
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

  const script = document.createElement('script');
  script.dataset.key = 'pk_demo';
  script.dataset.api = 'https://rapport.test';
  document.body.append(script);
  // Evaluated as a classic script would be (no document.currentScript: exercises the fallback).
  new Function(code)();

  expect(w.rapport.q).toBeUndefined();
  const host = document.querySelector('rapport-widget');
  expect(host?.shadowRoot).toBeTruthy();
  await waitFor(() => expect(host!.shadowRoot!.querySelector('[role="dialog"]')).not.toBeNull());
  await waitFor(() => expect(bodies.length).toBeGreaterThan(0));
  const events = bodies
    .flatMap((b) => (b as { messages: { event?: string }[] }).messages)
    .map((m) => m.event);
  expect(events).toEqual(['first', 'second']);
  expect(() => w.rapport('no-such-command')).not.toThrow();
  w.rapport('close');
});

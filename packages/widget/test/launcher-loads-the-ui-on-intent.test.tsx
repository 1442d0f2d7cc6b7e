import { fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, expect, test } from 'vitest';
import { createMount } from '../src/core/create-mount';
import type { WidgetHandle } from '../src/core/widget-handle';
import type { Texts } from '../src/i18n/en';
import type { ChunkLoader, UiModule } from '../src/ui-contract';
import { createFakeServer, type FakeServer } from './helpers/fake-server';
import { createTestClient, type TestClient } from './helpers/test-client';

/** A chunk loader the test controls: every load waits for `release()` or fails on `fail()`. */
function controlledChunks() {
  const calls: string[] = [];
  let pending: Array<{ resolve(): void; reject(error: Error): void }> = [];
  const loader: ChunkLoader = {
    ui() {
      calls.push('ui');
      return new Promise<UiModule>((resolve, reject) => {
        pending.push({ resolve: () => resolve(import('../src/ui/index')), reject });
      });
    },
    locale(tag) {
      calls.push(`locale:${tag}`);
      return import('../src/i18n/fr').then((chunk): Texts => chunk.fr);
    },
  };
  const settle = (how: 'resolve' | 'reject') => {
    const batch = pending;
    pending = [];
    for (const load of batch) {
      if (how === 'resolve') load.resolve();
      else load.reject(new Error('could not load rapport-ui-00000000.js'));
    }
  };
  return { loader, calls, release: () => settle('resolve'), fail: () => settle('reject') };
}

// Transforming Preact and the panels the first time takes longer than a query's timeout.
beforeAll(async () => {
  await import('../src/ui/index');
});

let widget: WidgetHandle | undefined;
let test_: TestClient | undefined;
afterEach(() => {
  widget?.unmount();
  test_?.client.destroy();
});

async function setUp(server: FakeServer = noSurveys(), locale = 'en') {
  const chunks = controlledChunks();
  test_ = await createTestClient(server);
  // Retries 1 ms apart: the schedule itself (0.5 s, 2 s) is load-with-retry's default.
  widget = createMount(chunks.loader, [1, 1])(test_.client, { locale });
  const shadow = widget.host!.shadowRoot!;
  const screen = within(shadow as unknown as HTMLElement);
  const launcher = screen.getByRole('button', { name: /open feedback|ouvrir/i });
  return { chunks, shadow, screen, launcher, server };
}

function noSurveys(): FakeServer {
  const server = createFakeServer();
  server.state.surveys = [];
  return server;
}

test('nothing of the UI loads until the visitor shows intent', async () => {
  const { chunks, server } = await setUp();
  await waitFor(() => expect(server.state.requests).toContain('GET /v1/surveys/eligible'));
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(chunks.calls).toEqual([]);
});

test('pointer over, focus or touch on the launcher prefetches the UI chunk once', async () => {
  const { chunks, launcher, shadow, screen } = await setUp();
  fireEvent.pointerEnter(launcher);
  fireEvent.focus(launcher);
  fireEvent.touchStart(launcher);
  expect(chunks.calls).toEqual(['ui']);
  chunks.release();
  // Prefetched: the click opens the dialog without any loading state.
  // Mounted ahead of the click: the panels' stylesheet is adopted after the launcher's two.
  await waitFor(() => expect(shadow.adoptedStyleSheets).toHaveLength(3));
  fireEvent.click(launcher);
  expect(launcher.hasAttribute('aria-busy')).toBe(false);
  await screen.findByRole('dialog', { name: 'How can we help?' });
  expect(chunks.calls).toEqual(['ui']);
});

test('a click before the chunk arrived shows an announced loading state, then opens', async () => {
  const { chunks, launcher, screen, shadow } = await setUp();
  fireEvent.click(launcher);
  // At once, before anything loaded: never a dead click.
  expect(launcher.getAttribute('aria-busy')).toBe('true');
  expect(shadow.querySelector('[aria-live="polite"]')!.textContent).toBe('Loading…');
  expect(screen.queryByRole('dialog')).toBeNull();
  chunks.release();
  const dialog = await screen.findByRole('dialog', { name: 'How can we help?' });
  await waitFor(() => expect(dialog.contains(shadow.activeElement)).toBe(true));
  expect(launcher.hasAttribute('aria-busy')).toBe(false);
  expect(launcher.getAttribute('aria-expanded')).toBe('true');
  expect(shadow.querySelector('[aria-live="polite"]')!.textContent).toBe('');
});

test('a chunk that keeps failing is retried, then explained; the next click tries again', async () => {
  const { chunks, launcher, screen, shadow } = await setUp();
  const errors: unknown[] = [];
  test_!.client.on('error', ({ error }) => errors.push(error));
  fireEvent.click(launcher);
  // The first try and two retries fail.
  for (let attempt = 1; attempt <= 3; attempt++) {
    await waitFor(() => expect(chunks.calls).toHaveLength(attempt));
    chunks.fail();
  }
  const alert = shadow.querySelector('[aria-live="assertive"]')!;
  await waitFor(() => expect(alert.textContent).toMatch(/could not load/i));
  expect(launcher.getAttribute('aria-describedby')).toBe(alert.id);
  expect(launcher.hasAttribute('aria-busy')).toBe(false);
  expect(errors).toHaveLength(1);

  fireEvent.click(launcher);
  expect(alert.textContent).toBe('');
  expect(launcher.getAttribute('aria-busy')).toBe('true');
  await waitFor(() => expect(chunks.calls).toHaveLength(4));
  chunks.release();
  await screen.findByRole('dialog', { name: 'How can we help?' });
  expect(launcher.hasAttribute('aria-describedby')).toBe(false);
});

test('a survey that is due loads the UI in idle time and shows it', async () => {
  const server = createFakeServer();
  server.state.surveys = [
    { id: 'nps-1', type: 'nps', question: 'How likely…?', delaySeconds: 0 } as never,
  ];
  const { chunks, screen } = await setUp(server);
  await waitFor(() => expect(chunks.calls).toEqual(['ui']));
  chunks.release();
  await screen.findByRole('radiogroup');
});

test('French loads its strings as a chunk of their own, once; English needs none', async () => {
  const { chunks, launcher, screen } = await setUp(noSurveys(), 'fr-CA');
  expect(launcher.getAttribute('aria-label')).toBe('Ouvrir les avis et récompenses');
  fireEvent.click(launcher);
  chunks.release();
  await screen.findByRole('dialog', { name: 'Comment pouvons-nous vous aider ?' });
  expect(chunks.calls.sort()).toEqual(['locale:fr', 'ui']);
  widget!.update({ locale: 'en' });
  await screen.findByRole('dialog', { name: 'How can we help?' });
  widget!.update({ locale: 'fr' });
  await screen.findByRole('dialog', { name: 'Comment pouvons-nous vous aider ?' });
  expect(chunks.calls.filter((call) => call.startsWith('locale'))).toEqual(['locale:fr']);
});

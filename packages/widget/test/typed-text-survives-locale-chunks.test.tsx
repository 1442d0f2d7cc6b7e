import { fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { createMount } from '../src/core/create-mount';
import type { WidgetHandle } from '../src/core/widget-handle';
import { LOCALES } from '../src/i18n';
import { importChunks } from '../src/mount';
import type { ChunkLoader } from '../src/ui-contract';
import { createFakeServer } from './helpers/fake-server';
import { createTestClient } from './helpers/test-client';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** The widget with `chunks`, opened, with a message typed in. */
async function typeMessage(chunks: ChunkLoader) {
  const server = createFakeServer();
  server.state.surveys = [];
  const { client } = await createTestClient(server);
  const errors: string[] = [];
  client.on('error', ({ error }) => errors.push(error.message));
  // Retries 1 ms apart, so a failing chunk gives up at once.
  const widget: WidgetHandle = createMount(chunks, [1, 1])(client, { locale: 'en' });
  cleanups.push(() => {
    widget.unmount();
    client.destroy();
  });
  const screen = within(widget.host!.shadowRoot! as unknown as HTMLElement);
  fireEvent.click(screen.getByRole('button', { name: /open feedback/i }));
  const message = (await screen.findByLabelText('Your message')) as HTMLTextAreaElement;
  fireEvent.input(message, { target: { value: 'Half-written thought about checkout' } });
  return { widget, screen, errors };
}

test('a locale chunk that fails every retry leaves the typed text and English in place', async () => {
  // Files share modules here (isolate: false): forget French strings another file brought.
  const french = LOCALES.fr;
  delete LOCALES.fr;
  cleanups.push(() => {
    if (french) LOCALES.fr = french;
  });
  const failing: ChunkLoader = {
    ui: importChunks.ui,
    locale: () => Promise.reject(new Error('could not load rapport-fr-00000000.js')),
  };
  const { widget, screen, errors } = await typeMessage(failing);
  widget.update({ locale: 'fr' });
  await waitFor(() => expect(errors.join()).toMatch(/rapport-fr-00000000/));
  const message = screen.getByLabelText('Your message') as HTMLTextAreaElement;
  expect(message.value).toBe('Half-written thought about checkout');
});

test('text typed before a locale chunk arrives is still there in the new language', async () => {
  const { widget, screen } = await typeMessage(importChunks);
  widget.update({ locale: 'fr' });
  const message = (await screen.findByLabelText('Votre message')) as HTMLTextAreaElement;
  expect(message.value).toBe('Half-written thought about checkout');
});

import { waitFor, within } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { mount } from '../src/mount';
import { createFakeServer } from './helpers/fake-server';
import { createTestClient } from './helpers/test-client';

test('the launcher is in the DOM when mount() returns, before any request; config follows', async () => {
  const server = createFakeServer();
  server.state.config.position = 'bottom-left';
  const { client } = await createTestClient(server);
  const before = server.state.requests.length;

  const widget = mount(client, { locale: 'en' });
  const shadow = widget.host!.shadowRoot!;
  // Synchronously, with the defaults: nothing on the launcher's path waited for the server.
  expect(within(shadow as unknown as HTMLElement).getByRole('button', { name: /open feedback/i }));
  expect(shadow.querySelector('.root')!.classList.contains('bottom-right')).toBe(true);
  expect(server.state.requests.length).toBe(before);

  // Then the site owner's config is fetched and applied.
  await waitFor(() =>
    expect(shadow.querySelector('.root')!.classList.contains('bottom-left')).toBe(true),
  );
  expect(server.state.requests.slice(before)).toContain('GET /v1/config');
  widget.unmount();
  client.destroy();
});

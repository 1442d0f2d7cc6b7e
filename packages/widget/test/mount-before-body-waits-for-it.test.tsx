import type { RapportErrorLike } from '@rapport/sdk';
import { expect, test } from 'vitest';
import { mount } from '../src/mount';
import { createFakeServer } from './helpers/fake-server';
import { createTestClient } from './helpers/test-client';

test('mounted from <head> before <body> exists, the widget appears once the body does', async () => {
  const { client } = await createTestClient(createFakeServer());
  const errors: RapportErrorLike[] = [];
  client.on('error', ({ error }) => errors.push(error));
  // An async script served from cache can run while the parser is still in <head>.
  const body = document.body;
  body.remove();
  let widget: ReturnType<typeof mount> | undefined;
  try {
    expect(document.body).toBeNull();
    widget = mount(client, { locale: 'en' });
    expect(errors).toEqual([]);
    expect(widget.host?.isConnected).toBe(false);
  } finally {
    document.documentElement.append(body);
  }
  document.dispatchEvent(new Event('DOMContentLoaded'));

  expect(widget.host?.parentElement).toBe(document.body);
  expect(widget.host?.shadowRoot?.querySelector('button')).toBeTruthy();
  widget.unmount();
  expect(widget.host?.isConnected).toBe(false);
  client.destroy();
});

test('unmounted before the body exists, it never appears', async () => {
  const { client } = await createTestClient(createFakeServer());
  const body = document.body;
  body.remove();
  let widget: ReturnType<typeof mount> | undefined;
  try {
    widget = mount(client, { locale: 'en' });
    widget.unmount();
  } finally {
    document.documentElement.append(body);
  }
  document.dispatchEvent(new Event('DOMContentLoaded'));
  expect(widget.host?.isConnected).toBe(false);
  client.destroy();
});

import { expect, test } from 'vitest';
import { mount } from '../src/mount';
import { createFakeServer } from './helpers/fake-server';
import { createTestClient } from './helpers/test-client';

test('mounting again on the same client replaces the first widget instead of adding a second', async () => {
  const { client } = await createTestClient(createFakeServer());
  const first = mount(client, { locale: 'en' });
  const second = mount(client, { locale: 'fr' });

  expect(document.querySelectorAll('rapport-widget')).toHaveLength(1);
  expect(first.host?.isConnected).toBe(false);
  expect(second.host?.isConnected).toBe(true);
  // The old handle is inert; it must not remove the new widget.
  first.unmount();
  expect(second.host?.isConnected).toBe(true);

  second.unmount();
  expect(document.querySelectorAll('rapport-widget')).toHaveLength(0);
  client.destroy();
});

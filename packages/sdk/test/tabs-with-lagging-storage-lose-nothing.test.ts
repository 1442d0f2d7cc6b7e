import type { Message } from '@rapport/protocol';
import { expect, test } from 'vitest';
import { createClient, memoryTransport } from '../src/index';
import { laggingTabStorages } from './helpers/web-storage';

test('tabs whose localStorage copies sync late still deliver every message exactly once', async () => {
  const received: Message[] = [];
  const transport = memoryTransport(async (request) => {
    const { messages } = request.body as { messages: Message[] };
    received.push(...messages);
    await new Promise((resolve) => setTimeout(resolve, 3));
    return { status: 200, body: { accepted: messages.length, duplicates: 0, rejected: [] } };
  });
  const { views, settled } = laggingTabStorages(3);
  const tabs = views.map((storage) => createClient({ key: 'pk_test', transport, storage }));

  const receipts = await Promise.all(
    tabs.map(async (tab, t) => {
      const ids: string[] = [];
      for (let i = 0; i < 25; i++) {
        ids.push((await tab.track('clicked', { t, i })).id);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 4));
      }
      return ids;
    }),
  );
  await Promise.all(tabs.map((tab) => tab.flush()));
  await settled();

  const written = receipts.flat();
  const delivered = received.map(({ id }) => id);
  expect(written).toHaveLength(75);
  expect(new Set(delivered).size).toBe(delivered.length);
  expect(delivered.sort()).toEqual(written.sort());
  for (const tab of tabs) tab.destroy();
});

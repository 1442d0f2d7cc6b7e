import { beforeEach } from 'vitest';
import { createApp } from '../../src/app';
import { silentLogger } from '../../src/logger';
import type { TestDatabase } from './databases';
import { useTestApp } from './test-app';

/**
 * {@link useTestApp} with webhook destinations on loopback allowed, as the tests' receivers
 * listen on 127.0.0.1 (`RAPPORT_WEBHOOKS_ALLOW_PRIVATE=1` in the CLI).
 */
export function useWebhookTestApp(database: TestDatabase) {
  const ctx = useTestApp(database);
  beforeEach(() => {
    ctx.app = createApp({
      store: ctx.store,
      clock: ctx.clock,
      logger: silentLogger,
      limits: { perKey: false, perIp: false },
      webhooks: { allowPrivateDestinations: true },
    });
  });
  return ctx;
}

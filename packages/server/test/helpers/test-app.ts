import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type AppOptions, createApp } from '../../src/app';
import type { LimitsOptions } from '../../src/limits';
import { silentLogger } from '../../src/logger';
import type { Store } from '../../src/store/index';
import { upsertProject } from '../../src/store/projects';
import type { OpenedDatabase, TestDatabase } from './databases';

export const PK = 'pk_test';
export const SK = 'sk_test';
export const IDENTITY_SECRET = 'is_test';
export const ORIGIN = 'https://shop.example';
export const OTHER_PK = 'pk_other';

/** A clock the test moves by hand. */
export interface TestClock {
  (): Date;
  set(iso: string): void;
  advanceDays(days: number): void;
}

export function createTestClock(start = '2026-03-02T12:00:00.000Z'): TestClock {
  let now = Date.parse(start);
  const clock = (() => new Date(now)) as TestClock;
  clock.set = (iso) => {
    now = Date.parse(iso);
  };
  clock.advanceDays = (days) => {
    now += days * 86_400_000;
  };
  return clock;
}

export interface TestAppContext {
  app: ReturnType<typeof createApp>;
  store: Store;
  clock: TestClock;
}

/** Two projects: the main one (pk_test/sk_test) and another to prove isolation. */
export async function seedProjects(store: Store, settings = { surveyGlobalWaitDays: 0 }) {
  await upsertProject(store.db, {
    id: 'proj_test',
    name: 'Test Shop',
    publishableKey: PK,
    secretKey: SK,
    identitySecret: IDENTITY_SECRET,
    allowedOrigins: [ORIGIN],
    settings,
  });
  await upsertProject(store.db, {
    id: 'proj_other',
    name: 'Other Shop',
    publishableKey: OTHER_PK,
    secretKey: 'sk_other',
    identitySecret: 'is_other',
    allowedOrigins: ['https://other.example'],
  });
}

export interface UseTestAppOptions {
  limits?: LimitsOptions;
  settings?: { surveyGlobalWaitDays: number };
  /** Console options (setupToken, publicUrl, cookieSecure, signInLimits). */
  console?: Pick<AppOptions, 'setupToken' | 'publicUrl' | 'cookieSecure' | 'signInLimits'>;
}

/**
 * Opens one database for the enclosing `describe` (PGlite cold start is seconds, so once per
 * file), empties it and re-seeds the projects before each test, and builds a fresh app (fresh
 * rate-limit counters, fresh clock).
 */
export function useTestApp(database: TestDatabase, options: UseTestAppOptions = {}) {
  let opened: OpenedDatabase;
  const context = {} as TestAppContext;
  beforeAll(async () => {
    opened = await database.open();
    // A PGlite cold start is ~4 s alone but has taken 40 s with every core busy.
  }, 90_000);
  afterAll(async () => {
    await opened?.close();
  });
  beforeEach(async () => {
    await opened.truncate();
    await seedProjects(opened.store, options.settings);
    context.store = opened.store;
    context.clock = createTestClock();
    context.app = createApp({
      store: opened.store,
      clock: context.clock,
      logger: silentLogger,
      limits: options.limits ?? { perKey: false, perIp: false },
      ...options.console,
    });
  });
  return context;
}

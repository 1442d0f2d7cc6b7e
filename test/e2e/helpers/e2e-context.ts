import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { chromiumAvailable, launchChromium } from './chromium';
import { type PagesServer, type Page as ServedPage, startPagesServer } from './pages-server';
import { type RapportServer, startRapportServer } from './rapport-server';

/** What one e2e file shares: one browser, one server, optionally one pages server. */
export interface E2EContext {
  browser: Browser;
  server: RapportServer;
  /** Present when the file asked for e2e-only pages. */
  pages: PagesServer | undefined;
  /**
   * A page in a fresh browser context (a new visitor: empty localStorage and cookies).
   * Uncaught page errors are collected in `errors`; the widget must never cause one.
   */
  visitor(options?: BrowserContextOptions): Promise<{ page: Page; errors: Error[] }>;
}

export interface E2EOptions {
  /** Pages for the e2e pages server, built once the Rapport server's origin is known. */
  pages?: (api: string) => Record<string, ServedPage | (() => ServedPage)>;
  /** More environment for the Rapport server of this file. */
  serverEnv?: Record<string, string>;
}

/**
 * Registers the hooks of one e2e file and returns its shared context, filled in `beforeAll`.
 * Browser contexts opened with `visitor()` are closed after each test.
 */
export function useE2E(options: E2EOptions = {}): E2EContext {
  const contexts: BrowserContext[] = [];
  const ctx = { pages: undefined } as E2EContext;
  let api = '';

  beforeAll(async () => {
    if (!chromiumAvailable) return;
    if (options.pages) {
      const makePages = options.pages;
      // Pages are built lazily: the pages server must exist before the Rapport server
      // (its origin goes into the allowed origins), and the pages need the server's origin.
      ctx.pages = await startPagesServer(
        new Proxy({} as Record<string, ServedPage | (() => ServedPage)>, {
          get: (_target, path: string) => makePages(api)[path],
        }),
      );
    }
    const [browser, server] = await Promise.all([
      launchChromium(),
      startRapportServer({
        demoOrigins: ctx.pages ? [ctx.pages.origin] : [],
        ...(options.serverEnv && { env: options.serverEnv }),
      }),
    ]);
    ctx.browser = browser;
    ctx.server = server;
    api = server.origin;
    ctx.visitor = async (contextOptions = {}) => {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        ...contextOptions,
      });
      contexts.push(context);
      const page = await context.newPage();
      const errors: Error[] = [];
      page.on('pageerror', (error) => errors.push(error));
      return { page, errors };
    };
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    // Browser first: its keep-alive connections would otherwise hold the servers open.
    await ctx.browser?.close();
    await Promise.all([ctx.server?.close(), ctx.pages?.close()]);
  });

  return ctx;
}

import { existsSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { CheckFailure } from '../check-failure';

/**
 * The flags this machine's Chromium needs: without the background-networking ones it tries
 * Google's hosts at every start, which a closed network refuses many times over.
 */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium, or the one `CHROMIUM_PATH` names; never a downloaded browser. */
function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new CheckFailure(
      `no Chromium at ${path}: install Debian's (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  }
  return path;
}

function isLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:') return true;
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

/** What went wrong on the page while `visit` ran. */
export interface PageProblems {
  /** Uncaught exceptions and unhandled rejections. */
  uncaught: string[];
  /** Requests to anything but loopback, which were aborted. */
  offHost: string[];
}

/**
 * Opens `url` in headless Chromium and runs `visit` on the page. Requests to anything but
 * loopback are aborted (this check talks to 127.0.0.1 only) and listed; so are uncaught
 * errors. Returns both lists; the browser is always closed.
 */
export async function visitInChromium(
  url: string,
  visit: (page: Page) => Promise<void>,
): Promise<PageProblems> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const problems: PageProblems = { uncaught: [], offHost: [] };
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => problems.uncaught.push(error.stack ?? error.message));
    await page.route('**/*', (route) => {
      const target = route.request().url();
      if (isLoopback(target)) return route.continue();
      problems.offHost.push(target);
      return route.abort();
    });
    await page.goto(url);
    await visit(page);
    return problems;
  } finally {
    await browser.close();
  }
}

import type { Page } from 'playwright-core';
import { CheckFailure } from '../check-failure';
import { findFreePort } from '../processes/free-port';
import { tailOf } from '../processes/run-command';
import { waitForUrl } from '../processes/wait-for-url';
import { visitInChromium } from '../tools/chromium';
import { startViteDev } from '../tools/vite';

const READY_TIMEOUT_MS = 30_000;
/** The first visit makes Vite pre-bundle the dependencies, which takes a few seconds here. */
const VISIBLE_TIMEOUT_MS = 20_000;

/** Waits for the fixture app's own button, then for the widget's launcher beside it. */
async function expectLauncher(page: Page): Promise<void> {
  try {
    await page
      .getByRole('button', { name: 'Send feedback' })
      .waitFor({ state: 'visible', timeout: VISIBLE_TIMEOUT_MS });
  } catch {
    throw new CheckFailure(`the React app did not render within ${VISIBLE_TIMEOUT_MS / 1000} s`);
  }
  // Playwright's CSS locators pierce open shadow roots: the launcher sits in the host's.
  const hosts = page.locator('rapport-widget');
  try {
    await hosts
      .locator('button.launcher')
      .waitFor({ state: 'visible', timeout: VISIBLE_TIMEOUT_MS });
  } catch {
    throw new CheckFailure(
      `no visible launcher (<rapport-widget> ▸ button.launcher) within ${VISIBLE_TIMEOUT_MS / 1000} s; <rapport-widget> elements on the page: ${await hosts.count()}`,
    );
  }
}

/**
 * Item 4: Vite's dev server for the project on a free loopback port, the page in Chromium:
 * the launcher is visible and nothing was thrown uncaught. The dev server is stopped by its
 * PID whatever happens.
 */
export async function seeLauncherInViteDev(projectDir: string): Promise<void> {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}/`;
  const server = startViteDev(projectDir, port);
  try {
    await waitForUrl(url, server, READY_TIMEOUT_MS);
    const problems = await visitInChromium(url, expectLauncher).catch((error: unknown) => {
      if (!(error instanceof CheckFailure)) throw error;
      throw new CheckFailure(`${error.message}\nvite printed:\n${tailOf(server.output(), 8)}`);
    });
    const found = [
      ...problems.uncaught.map((error) => `uncaught on the page: ${error}`),
      ...problems.offHost.map((request) => `requested off this machine (aborted): ${request}`),
    ];
    if (found.length > 0) throw new CheckFailure(found.join('\n'));
  } finally {
    await server.stop(5_000);
  }
}

import type { SessionBody } from '@rapport/protocol';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { axePage } from './axe';

/** The console owner the demo seed creates (demo-only credentials, printed at start). */
export const DEMO_OWNER = { email: 'owner@demo.test', password: 'demo-password' } as const;

/** The console's address on a server, at a hash route: `consoleUrl(origin, '#/account')`. */
export function consoleUrl(origin: string, hash = ''): string {
  return `${origin}/console/${hash}`;
}

/** Signs in through the console's form and waits until the console has left the sign-in page. */
export async function signInToConsole(
  page: Page,
  origin: string,
  credentials: { email: string; password: string } = DEMO_OWNER,
): Promise<void> {
  await page.goto(consoleUrl(origin, '#/sign-in'));
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password').fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/#\/projects/);
}

/** The session as the console sees it, read with the page's own cookie. */
export function consoleSession(page: Page): Promise<SessionBody> {
  return page.evaluate(async () => {
    const response = await fetch('/v1/console/session', { credentials: 'same-origin' });
    return (await response.json()) as SessionBody;
  });
}

/**
 * A write from the page with its cookie, CSRF token and (browser-set) Origin, as the console
 * sends it; answers the status and body.
 */
export function consoleWrite(
  page: Page,
  path: string,
  body: unknown,
): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ({ path, body }) => {
      const session = await (await fetch('/v1/console/session')).json();
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: await response.json().catch(() => null) };
    },
    { path, body },
  );
}

/** True when the page is wider than the viewport (it would scroll sideways). */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

/** Waits until the page's `<h1>` reads `name` and returns it. */
export async function pageHeading(page: Page, name: string | RegExp) {
  const heading = page.getByRole('heading', { level: 1, name });
  await heading.waitFor({ state: 'visible' });
  return heading;
}

/**
 * Waits until a console page has loaded (no loading line), then checks it fits the viewport
 * without sideways scrolling and has no axe-core violations.
 */
export async function consolePageSettled(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.loading').count()).toBe(0);
  expect(await scrollsSideways(page), `${page.url()} scrolls sideways`).toBe(false);
  expect(await axePage(page), `axe on ${page.url()}`).toEqual([]);
}

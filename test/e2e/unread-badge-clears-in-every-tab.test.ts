import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { setSurveysActive } from './helpers/admin';
import { describeInChromium } from './helpers/chromium';
import { startConversation } from './helpers/conversation';
import { useE2E } from './helpers/e2e-context';
import { openWidget, seeText, widget } from './helpers/widget';

/** The launcher's accessible name and its badge as drawn (text and whether it shows). */
async function launcherState(page: Page) {
  const badge = page.locator('rapport-widget .unread');
  return {
    name: await widget.launcher(page).getAttribute('aria-label'),
    badge: (await badge.isVisible()) ? await badge.textContent() : null,
  };
}

describeInChromium('the launcher counts unread replies', () => {
  const e2e = useE2E();

  beforeAll(async () => {
    await setSurveysActive(e2e.server, false);
  });

  it('shows a reply as a badge, asks again with a conditional request, and clears in every tab', async () => {
    const message = `Is there a size guide? ${Date.now()}`;
    const { page, errors } = await e2e.visitor();
    await page.goto(`${e2e.server.origin}/`);
    await startConversation(e2e.server, page, message, 'Yes, under each product.');

    const checks: number[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/v1/inbox/unread') checks.push(response.status());
    });
    await page.reload();
    const unread = { name: 'Open feedback and rewards, 1 unread reply', badge: '1' };
    await expect.poll(() => launcherState(page), { timeout: 10_000 }).toEqual(unread);
    await seeText(page, '1 unread reply');

    // Back to the tab: one conditional request, answered 304 while nothing changed.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await expect.poll(() => checks.at(-1), { timeout: 5_000 }).toBe(304);
    expect(await launcherState(page)).toEqual(unread);

    const other = await page.context().newPage();
    await other.goto(`${e2e.server.origin}/`);
    await expect.poll(() => launcherState(other), { timeout: 10_000 }).toEqual(unread);

    await openWidget(page);
    await widget.tab(page, 'Messages').click();
    await seeText(page, 'Yes, under each product.');
    const read = { name: 'Open feedback and rewards', badge: null };
    await expect.poll(() => launcherState(page), { timeout: 10_000 }).toEqual(read);
    await expect.poll(() => launcherState(other), { timeout: 10_000 }).toEqual(read);
    expect(errors).toEqual([]);
  });
});

import { beforeAll, expect, it } from 'vitest';
import { feedbackWithMessage, setSurveysActive } from './helpers/admin';
import { describeInChromium } from './helpers/chromium';
import { useE2E } from './helpers/e2e-context';
import { FEEDBACK_QUEUED, openWidget, seeText, sendFeedback } from './helpers/widget';

describeInChromium('feedback sent while the server is down', () => {
  const e2e = useE2E();

  beforeAll(async () => {
    await setSurveysActive(e2e.server, false);
  });

  it('shows "will send", and is stored exactly once after the server returns and the page reloads', async () => {
    const message = `Checkout froze on step 2 (${Date.now()})`;
    const { page, errors } = await e2e.visitor();
    await page.goto(`${e2e.server.origin}/`);
    await openWidget(page);

    await e2e.server.stop();
    await sendFeedback(page, message);
    await seeText(page, FEEDBACK_QUEUED);

    await e2e.server.start();
    await page.reload();

    await expect
      .poll(async () => (await feedbackWithMessage(e2e.server, message)).length, {
        timeout: 20_000,
        interval: 250,
      })
      .toBe(1);
    // Let any retry still in flight (the tab's own backoff timer) land, then count again.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1_000);
    expect(await feedbackWithMessage(e2e.server, message)).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});

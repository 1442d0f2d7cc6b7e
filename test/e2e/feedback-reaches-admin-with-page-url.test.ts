import { beforeAll, expect, it } from 'vitest';
import { feedbackWithMessage, setSurveysActive } from './helpers/admin';
import { describeInChromium } from './helpers/chromium';
import { useE2E } from './helpers/e2e-context';
import { FEEDBACK_SENT, openWidget, seeText, sendFeedback, widget } from './helpers/widget';

describeInChromium('a visitor sends feedback from the storefront', () => {
  const e2e = useE2E();

  beforeAll(async () => {
    // This file is about the feedback form; a survey popping up would only add noise.
    await setSurveysActive(e2e.server, false);
  });

  it('is listed by the admin API with the page URL in its context', async () => {
    const { page, errors } = await e2e.visitor();
    const url = `${e2e.server.origin}/product.html`;
    await page.goto(url);

    await openWidget(page);
    await sendFeedback(page, 'The grind options should include French press.');
    await seeText(page, FEEDBACK_SENT);

    const stored = await feedbackWithMessage(
      e2e.server,
      'The grind options should include French press.',
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]?.category).toBe('idea');
    expect(stored[0]?.status).toBe('new');
    expect(stored[0]?.context?.url).toBe(url);
    expect(stored[0]?.context?.viewport).toEqual({ width: 1280, height: 800 });
    expect(stored[0]?.context?.userAgent).toMatch(/Chrome/);
    expect(errors).toEqual([]);
    await widget.launcher(page).isVisible();
  });
});

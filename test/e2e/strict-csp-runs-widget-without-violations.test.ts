import { createHmac, randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { feedbackWithMessage, setSurveysActive } from './helpers/admin';
import { describeInChromium } from './helpers/chromium';
import { recordCspViolations } from './helpers/csp';
import { useE2E } from './helpers/e2e-context';
import { hostPage } from './helpers/host-page';
import { FEEDBACK_SENT, openWidget, seeText, sendFeedback, widget } from './helpers/widget';

/** The policies a site may run the widget under; each page gets a fresh nonce per response. */
const POLICIES = {
  /** Nonces for scripts and styles: the chunks and any fallback <style> carry the nonce. */
  nonce: (nonce: string) => ({ script: `'nonce-${nonce}'`, style: `'nonce-${nonce}'` }),
  /**
   * `'strict-dynamic'`: scripts a trusted script adds are trusted; and no nonce for styles at
   * all, so the widget must be styled through constructable stylesheets.
   */
  'strict-dynamic': (nonce: string) => ({
    script: `'nonce-${nonce}' 'strict-dynamic'`,
    style: "'self'",
  }),
};
type PolicyName = keyof typeof POLICIES;

function strictPage(api: string, name: PolicyName) {
  const nonce = randomBytes(16).toString('base64');
  const policy = POLICIES[name](nonce);
  // Under style-src 'self' the page itself has no inline style either.
  const head =
    name === 'nonce' ? `<style nonce="${nonce}">body { font-family: sans-serif; }</style>` : '';
  return {
    body: hostPage({ api, nonce, title: 'Strict CSP page', head }),
    headers: {
      'content-security-policy': `default-src 'self'; script-src ${policy.script}; style-src ${policy.style}; connect-src 'self' ${api}`,
    },
  };
}

/** Computed styles that only the widget's stylesheets give: proof it is styled, not just there. */
async function widgetStyles(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('rapport-widget')?.shadowRoot;
    const style = (selector: string) => {
      const element = root?.querySelector(selector);
      if (!element) return null;
      const computed = getComputedStyle(element);
      return { position: computed.position, radius: computed.borderTopLeftRadius };
    };
    return { launcher: style('.launcher'), dialog: style('[role="dialog"][aria-modal="true"]') };
  });
}

describeInChromium('the widget on a page with a strict CSP', () => {
  const e2e = useE2E({
    pages: (api) => ({
      '/csp-nonce.html': () => strictPage(api, 'nonce'),
      '/csp-strict-dynamic.html': () => strictPage(api, 'strict-dynamic'),
    }),
  });

  beforeAll(async () => {
    await setSurveysActive(e2e.server, true);
  });

  it.each(Object.keys(POLICIES) as PolicyName[])(
    '%s: answers a survey, sends feedback and shows every panel, styled, with zero violations',
    async (name) => {
      const { page, errors } = await e2e.visitor();
      const violations = await recordCspViolations(page);
      await page.goto(`${e2e.pages!.origin}/csp-${name}.html`);
      // The UI is a chunk added by rapport.js: it loaded, under this policy, from the same folder.
      const chunk = page.waitForResponse((response) =>
        /\/rapport-ui-[0-9a-f]{8}\.js$/.test(response.url()),
      );

      // The survey pops up: answer it.
      await widget.survey(page).waitFor({ state: 'visible' });
      await widget.score(page, 9).click();
      await page.getByRole('button', { name: 'Send answer' }).click();
      await seeText(page, 'Thank you for your answer!');
      expect((await chunk).status()).toBe(200);

      // Feedback, then each section of the dialog as a guest (Messages shows what this browser
      // sent, read cross-origin with the device secret header).
      await openWidget(page);
      expect(await widgetStyles(page)).toEqual({
        launcher: { position: 'fixed', radius: '50%' },
        dialog: { position: 'fixed', radius: '12px' },
      });
      const message = `Works under our ${name} CSP.`;
      await sendFeedback(page, message);
      await seeText(page, FEEDBACK_SENT);
      await widget.tab(page, 'Rewards').click();
      await seeText(page, 'Join our rewards');
      await widget.tab(page, 'Messages').click();
      await seeText(page, message);
      await page.keyboard.press('Escape');
      await widget.dialog(page).waitFor({ state: 'hidden' });

      // Signed in: the loyalty view draws its progress bar, the inbox its threads.
      const userHash = createHmac('sha256', 'is_demo').update('demo-customer').digest('hex');
      await page.evaluate(
        ([userId, hash]) =>
          (window as unknown as { rapport: (...args: unknown[]) => void }).rapport(
            'identify',
            userId,
            {},
            { userHash: hash },
          ),
        ['demo-customer', userHash] as const,
      );
      await openWidget(page);
      await widget.tab(page, 'Rewards').click();
      await page.getByRole('progressbar').waitFor({ state: 'visible' });
      await widget.tab(page, 'Messages').click();
      await seeText(page, 'Your messages');

      expect(await violations()).toEqual([]);
      expect(errors).toEqual([]);
      expect(await feedbackWithMessage(e2e.server, message)).toHaveLength(1);
    },
  );
});

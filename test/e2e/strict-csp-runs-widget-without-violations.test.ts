import { createHmac, randomBytes } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { feedbackWithMessage, setSurveysActive } from './helpers/admin';
import { describeInChromium } from './helpers/chromium';
import { recordCspViolations } from './helpers/csp';
import { useE2E } from './helpers/e2e-context';
import { hostPage } from './helpers/host-page';
import { FEEDBACK_SENT, openWidget, seeText, sendFeedback, widget } from './helpers/widget';

/** A fresh nonce per response, as a real server would send. */
function strictPage(api: string) {
  const nonce = randomBytes(16).toString('base64');
  return {
    body: hostPage({
      api,
      nonce,
      title: 'Strict CSP page',
      head: `<style nonce="${nonce}">body { font-family: sans-serif; }</style>`,
    }),
    headers: {
      'content-security-policy': `default-src 'self'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self' ${api}`,
    },
  };
}

describeInChromium('the widget on a page with a strict nonce-based CSP', () => {
  const e2e = useE2E({ pages: (api) => ({ '/csp.html': () => strictPage(api) }) });

  beforeAll(async () => {
    await setSurveysActive(e2e.server, true);
  });

  it('answers a survey, sends feedback and shows every panel with zero violations', async () => {
    const { page, errors } = await e2e.visitor();
    const violations = await recordCspViolations(page);
    await page.goto(`${e2e.pages!.origin}/csp.html`);

    // The survey pops up: answer it.
    await widget.survey(page).waitFor({ state: 'visible' });
    await widget.score(page, 9).click();
    await page.getByRole('button', { name: 'Send answer' }).click();
    await seeText(page, 'Thank you for your answer!');

    // Feedback, then each section of the dialog as a guest.
    await openWidget(page);
    const message = 'Works under our strict CSP.';
    await sendFeedback(page, message);
    await seeText(page, FEEDBACK_SENT);
    await widget.tab(page, 'Rewards').click();
    await seeText(page, 'Join our rewards');
    await widget.tab(page, 'Messages').click();
    await seeText(page, 'Sign in to see replies to your feedback.');
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
  });
});

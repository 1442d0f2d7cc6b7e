import type { FeedbackThread } from '@rapport/protocol';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { feedbackWithMessage, setSurveysActive } from './helpers/admin';
import { axeWidget } from './helpers/axe';
import { describeInChromium } from './helpers/chromium';
import { useE2E } from './helpers/e2e-context';
import { FEEDBACK_SENT, openWidget, seeText, sendFeedback, widget } from './helpers/widget';

const QUESTION = 'Did we solve this?';

async function openMessages(page: Page) {
  await openWidget(page);
  await widget.tab(page, 'Messages').click();
  await seeText(page, 'Your messages');
}

describeInChromium('a customer rates a resolved thread', () => {
  const e2e = useE2E();

  beforeAll(async () => {
    await setSurveysActive(e2e.server, false);
  });

  it('asks "Did we solve this?" at 320 px, takes the answer by keyboard, delivers it, and asks no more', async () => {
    const message = `My refund is missing (${Date.now()})`;
    const { page, errors } = await e2e.visitor({ viewport: { width: 320, height: 640 } });
    await page.goto(`${e2e.server.origin}/`);
    await openWidget(page);
    await sendFeedback(page, message);
    await seeText(page, FEEDBACK_SENT);
    const [item] = await feedbackWithMessage(e2e.server, message);
    if (!item) throw new Error('the feedback did not arrive');

    // Before the team resolves the thread, nothing is asked.
    await page.reload();
    await openMessages(page);
    expect(await page.getByText(QUESTION).count()).toBe(0);

    // The team answers and resolves it (the admin API, as the console does).
    await e2e.server.admin(`/v1/admin/feedback/${item.id}/replies`, {
      method: 'POST',
      body: { body: 'Refunded today.' },
    });
    await e2e.server.admin(`/v1/admin/feedback/${item.id}`, {
      method: 'PATCH',
      body: { status: 'resolved' },
    });
    await page.reload();
    await openMessages(page);
    await seeText(page, QUESTION);
    expect(await page.getByText(QUESTION).count()).toBe(1);
    expect(await axeWidget(page)).toEqual([]);
    // Nothing scrolls sideways at 320 px with the question open.
    const dialog = widget.dialog(page);
    const box = await dialog.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(320);
    const overflow = await dialog.evaluate(
      (element) =>
        [element, ...element.querySelectorAll('*')].filter(
          (node) =>
            node.scrollWidth > node.clientWidth + 1 &&
            (node === element || ['auto', 'scroll'].includes(getComputedStyle(node).overflowX)),
        ).length,
    );
    expect(overflow).toBe(0);

    // Keyboard only: into the scale, End then ←, to the comment, then the button.
    await page.getByRole('radio', { name: '1 out of 5' }).focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    expect(await page.getByRole('radio', { name: '4 out of 5' }).getAttribute('aria-checked')).toBe(
      'true',
    );
    await page.keyboard.press('Tab');
    await page.keyboard.type('Took a week, but fine');
    await page.getByRole('button', { name: 'Send answer' }).focus();
    await page.keyboard.press('Enter');
    await seeText(page, 'Thank you — your answer helps us get better.');

    await expect
      .poll(
        async () =>
          (await e2e.server.admin<FeedbackThread>(`/v1/admin/feedback/${item.id}`))
            .resolutionRating,
        { timeout: 10_000, interval: 200 },
      )
      .toMatchObject({ score: 4, comment: 'Took a week, but fine' });

    // After a reload the server says the resolution was answered: the question is gone.
    await page.reload();
    await openMessages(page);
    await seeText(page, 'Refunded today.');
    expect(await page.getByText(QUESTION).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

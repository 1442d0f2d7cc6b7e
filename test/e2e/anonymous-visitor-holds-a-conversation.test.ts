import { createHmac } from 'node:crypto';
import type { FeedbackThread } from '@rapport/protocol';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { feedbackWithMessage, setSurveysActive } from './helpers/admin';
import { describeInChromium } from './helpers/chromium';
import { startConversation } from './helpers/conversation';
import { useE2E } from './helpers/e2e-context';
import { FEEDBACK_QUEUED, openWidget, seeText, widget } from './helpers/widget';

const IDENTITY_KEY = 'rapport:pk_demo:identity';

/** The customer's answers in a thread, as the admin API shows it to the team. */
async function customerAnswers(e2e: ReturnType<typeof useE2E>, threadId: string) {
  const thread = await e2e.server.admin<FeedbackThread>(`/v1/admin/feedback/${threadId}`);
  return thread.replies.filter((reply) => reply.author.kind === 'customer').map((r) => r.body);
}

async function openMessages(page: Page) {
  await openWidget(page);
  await widget.tab(page, 'Messages').click();
}

describeInChromium('an anonymous visitor holds a conversation with the team', () => {
  const e2e = useE2E();

  beforeAll(async () => {
    await setSurveysActive(e2e.server, false);
  });

  it('reads the reply after a reload, answers with the keyboard, and no one else can read it', async () => {
    const message = `Where is my parcel?\nOrder ${Date.now()}`;
    const { page, errors } = await e2e.visitor();
    await page.goto(`${e2e.server.origin}/`);
    const answer = 'It ships today.\nTracking follows by email.';
    const item = await startConversation(e2e.server, page, message, answer);
    expect(item.userId).toBeNull();

    await page.reload();
    await openMessages(page);
    const reply = page.getByText('It ships today.', { exact: false });
    await reply.waitFor({ state: 'visible' });
    // Line breaks are kept on screen, as text: innerText follows the CSS (white-space), which
    // is the point; textContent would hold the newline even if the page showed a space.
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is tested
    expect(await reply.innerText()).toBe('It ships today.\nTracking follows by email.');
    const sent = page.getByText('Where is my parcel?', { exact: false });
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is tested
    expect(await sent.innerText()).toBe(message);

    // Keyboard only: into the field, two lines, Tab to Send, Enter.
    const field = page.getByRole('textbox', { name: 'Your reply' });
    await field.focus();
    await page.keyboard.type('Thanks!');
    await page.keyboard.press('Enter');
    await page.keyboard.type('See you');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => customerAnswers(e2e, item.id), { timeout: 10_000, interval: 200 })
      .toEqual(['Thanks!\nSee you']);
    const thread = await e2e.server.admin<FeedbackThread>(`/v1/admin/feedback/${item.id}`);
    expect(thread.item.waitingOnTeam).toBe(true);

    // A second browser that copies only the anonymousId cannot read the thread.
    const { anonymousId } = JSON.parse(
      (await page.evaluate((key) => localStorage.getItem(key), IDENTITY_KEY)) ?? '{}',
    ) as { anonymousId: string };
    const other = await e2e.visitor();
    await other.page.addInitScript(([key, value]) => localStorage.setItem(key, value), [
      IDENTITY_KEY,
      JSON.stringify({ anonymousId }),
    ] as const);
    await other.page.goto(`${e2e.server.origin}/`);
    const status = await other.page.evaluate(
      async ([api, id]) => (await fetch(`${api}/v1/inbox?anonymousId=${id}&key=pk_demo`)).status,
      [e2e.server.origin, anonymousId] as const,
    );
    expect(status).toBe(401);
    await openMessages(other.page);
    await seeText(other.page, 'We couldn’t load your messages.');
    expect(await other.page.getByText('It ships today.', { exact: false }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('with the server stopped the answer waits in the outbox and arrives exactly once', async () => {
    const message = `The coupon fails (${Date.now()})`;
    const { page, errors } = await e2e.visitor();
    await page.goto(`${e2e.server.origin}/`);
    const item = await startConversation(e2e.server, page, message, 'Which code?');
    await page.reload();
    await openMessages(page);
    await seeText(page, 'Which code?');

    await e2e.server.stop();
    await page.getByRole('textbox', { name: 'Your reply' }).fill('SPRING26');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await seeText(page, FEEDBACK_QUEUED);

    await e2e.server.start();
    await page.reload();
    await expect
      .poll(() => customerAnswers(e2e, item.id), { timeout: 20_000, interval: 250 })
      .toEqual(['SPRING26']);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1_000);
    expect(await customerAnswers(e2e, item.id)).toEqual(['SPRING26']);

    // Signing in with a verified identify moves the thread to the user's Messages.
    const userId = `e2e-${Date.now()}`;
    const userHash = createHmac('sha256', 'is_demo').update(userId).digest('hex');
    await page.evaluate(
      ([id, hash]) =>
        (window as unknown as { rapport: (...args: unknown[]) => void }).rapport(
          'identify',
          id,
          {},
          { userHash: hash },
        ),
      [userId, userHash] as const,
    );
    await expect
      .poll(async () => (await feedbackWithMessage(e2e.server, message))[0]?.userId, {
        timeout: 10_000,
        interval: 250,
      })
      .toBe(userId);
    await openMessages(page);
    await seeText(page, 'SPRING26');
    expect(errors).toEqual([]);
  });
});

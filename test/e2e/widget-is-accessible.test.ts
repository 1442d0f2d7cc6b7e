import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { feedbackWithMessage, setSurveysActive } from './helpers/admin';
import { axeWidget } from './helpers/axe';
import { describeInChromium } from './helpers/chromium';
import { useE2E } from './helpers/e2e-context';
import { focused, tabUntil } from './helpers/focus';
import { FEEDBACK_SENT, MIN_FILL_MS, openWidget, seeText, widget } from './helpers/widget';

const SECTIONS = ['Feedback', 'Rewards', 'Messages'] as const;

describeInChromium('the widget is accessible', () => {
  const e2e = useE2E();

  async function expectNoViolations(page: Page, state: string) {
    const findings = await axeWidget(page);
    expect(findings, `axe-core violations in ${state}`).toEqual([]);
  }

  it('has zero axe-core violations in every panel, as a guest and signed in', async () => {
    await setSurveysActive(e2e.server, true);
    const guest = await e2e.visitor();
    await guest.page.goto(`${e2e.server.origin}/`);
    await widget.survey(guest.page).waitFor({ state: 'visible' });
    await expectNoViolations(guest.page, 'the NPS survey');
    await widget.score(guest.page, 8).click();
    await expectNoViolations(guest.page, 'the NPS follow-up');

    await openWidget(guest.page);
    for (const section of SECTIONS) {
      await widget.tab(guest.page, section).click();
      await guest.page.waitForTimeout(300);
      await expectNoViolations(guest.page, `the guest ${section} panel`);
    }

    await setSurveysActive(e2e.server, false);
    const member = await e2e.visitor();
    await member.page.goto(`${e2e.server.origin}/account.html`);
    await seeText(member.page, 'Signed in to Rapport');
    await openWidget(member.page);
    await widget.tab(member.page, 'Rewards').click();
    await member.page.getByRole('progressbar').waitFor({ state: 'visible' });
    await expectNoViolations(member.page, 'the signed-in Rewards panel');
    await widget.tab(member.page, 'Messages').click();
    await seeText(member.page, 'Your messages');
    await expectNoViolations(member.page, 'the signed-in Messages panel');
    expect([...guest.errors, ...member.errors]).toEqual([]);
  });

  it('fits a 320 px wide screen in every panel without horizontal scrolling', async () => {
    await setSurveysActive(e2e.server, false);
    const { page } = await e2e.visitor({ viewport: { width: 320, height: 640 } });
    await page.goto(`${e2e.server.origin}/account.html`);
    await seeText(page, 'Signed in to Rapport');
    const dialog = await openWidget(page);
    for (const section of SECTIONS) {
      await widget.tab(page, section).click();
      await page.waitForTimeout(300);
      const box = await dialog.boundingBox();
      expect(box, section).not.toBeNull();
      expect(box!.x, section).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, section).toBeLessThanOrEqual(320);
      // Anything the visitor could scroll sideways: the dialog itself, or a scroll container
      // inside it (clipped elements such as the off-screen honeypot cannot be scrolled).
      const overflow = await dialog.evaluate((element) => {
        const inner = [element, ...element.querySelectorAll('*')];
        return inner
          .filter(
            (node) =>
              node.scrollWidth > node.clientWidth + 1 &&
              (node === element || ['auto', 'scroll'].includes(getComputedStyle(node).overflowX)),
          )
          .map(
            (node) =>
              `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}.${node.className} (${node.scrollWidth} > ${node.clientWidth})`,
          );
      });
      expect(overflow, `elements scrolling sideways in ${section}`).toEqual([]);
      const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(pageWidth, section).toBeLessThanOrEqual(320);
    }
  });

  it('sends feedback with the keyboard only, traps focus, and Esc returns it to the launcher', async () => {
    await setSurveysActive(e2e.server, false);
    const { page } = await e2e.visitor();
    await page.goto(`${e2e.server.origin}/`);
    await widget.launcher(page).waitFor({ state: 'visible' });

    // The launcher is the last stop in the page's tab order: reach it backwards.
    await tabUntil(page, (element) => element.label === 'Open feedback and rewards', {
      backwards: true,
    });
    await page.keyboard.press('Enter');
    await widget.dialog(page).waitFor({ state: 'visible' });
    // The dialog moves focus in from an effect, a frame after it appears.
    await expect
      .poll(async () => (await focused(page)).inDialog, { timeout: 1_000, interval: 20 })
      .toBe(true);

    // Focus is trapped: a full lap of Tab never leaves the dialog.
    for (let press = 0; press < 12; press++) {
      await page.keyboard.press('Tab');
      expect((await focused(page)).inDialog).toBe(true);
    }

    const openedAt = Date.now();
    await tabUntil(page, (element) => element.id === 'rapport-category');
    await page.keyboard.press('ArrowDown');
    await tabUntil(page, (element) => element.id === 'rapport-message');
    const message = 'Typed without a mouse.';
    await page.keyboard.type(message);
    await tabUntil(page, (element) => element.tag === 'button' && element.label === 'Send');
    await page.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - openedAt)));
    await page.keyboard.press('Enter');
    await seeText(page, FEEDBACK_SENT);
    expect(await feedbackWithMessage(e2e.server, message)).toHaveLength(1);

    await page.keyboard.press('Escape');
    await widget.dialog(page).waitFor({ state: 'hidden' });
    // Preact moves focus in an effect after the dialog unmounts: allow it a frame or two.
    await expect
      .poll(() => focused(page), { timeout: 1_000, interval: 20 })
      .toMatchObject({ inWidget: true, label: 'Open feedback and rewards' });
  });
});

import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { demoNpsSurvey, feedbackWithMessage, setSurveysActive } from './helpers/admin';
import { axePage } from './helpers/axe';
import { describeInChromium } from './helpers/chromium';
import {
  consoleSession,
  consoleUrl,
  pageHeading,
  scrollsSideways,
  signInToConsole,
} from './helpers/console';
import { useE2E } from './helpers/e2e-context';
import { FEEDBACK_SENT, openWidget, seeText, sendFeedback } from './helpers/widget';

const MESSAGE = 'Accessibility check: the size guide is hard to find.';

describeInChromium('every console page', () => {
  const e2e = useE2E();
  let pages: { hash: string; heading: string | RegExp }[] = [];

  beforeAll(async () => {
    await setSurveysActive(e2e.server, false);
    // One feedback item, so the inbox, the thread and the customer have content.
    const { page } = await e2e.visitor();
    await page.goto(`${e2e.server.origin}/account.html`);
    await seeText(page, 'Signed in to Rapport');
    await openWidget(page);
    await sendFeedback(page, MESSAGE);
    await seeText(page, FEEDBACK_SENT);
    const [item] = await feedbackWithMessage(e2e.server, MESSAGE);
    if (!item?.userId) throw new Error('the demo customer’s feedback was not stored as theirs');
    const survey = await demoNpsSurvey(e2e.server);
    const endpoint = await e2e.server.admin<{ id: string }>('/v1/admin/webhooks', {
      method: 'POST',
      body: { url: 'https://hooks.example/rapport', events: ['feedback.created'] },
    });
    // A team reply, so the Service report has a week to show in its table.
    await e2e.server.admin(`/v1/admin/feedback/${item.id}/replies`, {
      method: 'POST',
      body: { body: 'Thanks, we are on it.' },
    });
    const session = await signedInSession(page);
    const id = session.projects[0]?.id;
    const project = (section: string) => `#/projects/${id}/${section}`;
    pages = [
      { hash: '#/projects', heading: 'Projects' },
      { hash: '#/account', heading: 'Account' },
      { hash: project('inbox'), heading: 'Inbox' },
      { hash: project(`inbox/${item.id}`), heading: /^Feedback from / },
      { hash: project('customers'), heading: 'Customers' },
      { hash: project(`customers/${item.userId}`), heading: `Customer ${item.userId}` },
      { hash: project('surveys'), heading: 'Surveys' },
      { hash: project('surveys/new'), heading: 'New survey' },
      { hash: project(`surveys/${survey.id}/edit`), heading: `Edit “${survey.name}”` },
      { hash: project(`surveys/${survey.id}/report`), heading: `Report: ${survey.name}` },
      { hash: project('service'), heading: 'Service' },
      { hash: project('loyalty'), heading: 'Loyalty' },
      { hash: project('loyalty/members'), heading: 'Loyalty members' },
      { hash: project('loyalty/members/demo-customer'), heading: 'Member demo-customer' },
      { hash: project('loyalty/redemptions'), heading: 'Redemptions' },
      { hash: project('install'), heading: 'Install the widget' },
      { hash: project('widget'), heading: 'Widget settings' },
      { hash: project('settings'), heading: 'Project settings' },
      { hash: project('webhooks'), heading: 'Webhooks' },
      { hash: project(`webhooks/${endpoint.id}`), heading: 'hooks.example/rapport' },
      { hash: project('team'), heading: 'Team' },
      { hash: project('audit'), heading: 'Audit log' },
      { hash: '#/nowhere', heading: 'Page not found' },
    ];
  });

  async function signedInSession(page: Page) {
    await signInToConsole(page, e2e.server.origin);
    return consoleSession(page);
  }

  async function visit(page: Page, hash: string, heading: string | RegExp) {
    await page.goto(consoleUrl(e2e.server.origin, hash));
    await pageHeading(page, heading);
    // Let the page's reads settle (loading → ready) before judging it.
    await expect.poll(() => page.locator('.loading').count()).toBe(0);
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`has zero axe-core violations, ${scheme}`, async () => {
      const { page, errors } = await e2e.visitor({ colorScheme: scheme });
      await page.goto(consoleUrl(e2e.server.origin, '#/sign-in'));
      await pageHeading(page, 'Sign in to Rapport');
      expect(await axePage(page), 'axe on sign-in').toEqual([]);
      await page.goto(consoleUrl(e2e.server.origin, '#/invite/not-a-real-token'));
      await pageHeading(page, 'Accept your invitation');
      await page.getByRole('alert').waitFor();
      expect(await axePage(page), 'axe on a dead invitation').toEqual([]);

      await signInToConsole(page, e2e.server.origin);
      for (const { hash, heading } of pages) {
        await visit(page, hash, heading);
        expect(await axePage(page), `axe on ${hash} (${scheme})`).toEqual([]);
      }
      expect(errors).toEqual([]);
    });
  }

  it('fits 375 px without sideways scrolling, with the navigation behind a Menu button', async () => {
    const { page } = await e2e.visitor({ viewport: { width: 375, height: 740 } });
    await signInToConsole(page, e2e.server.origin);
    for (const { hash, heading } of pages) {
      await visit(page, hash, heading);
      expect(await scrollsSideways(page), `${hash} scrolls sideways at 375 px`).toBe(false);
    }
    await visit(page, pages[2]?.hash ?? '', 'Inbox');
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await page.getByRole('link', { name: 'Customers' }).isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('link', { name: 'Customers' }).click();
    await pageHeading(page, 'Customers');
    expect(await page.getByRole('link', { name: 'Customers' }).isVisible()).toBe(false);
  });

  it('shows the Service report of the week as a table that fits 320 px', async () => {
    const { page } = await e2e.visitor({ viewport: { width: 320, height: 640 } });
    await signInToConsole(page, e2e.server.origin);
    const service = pages.find((entry) => entry.heading === 'Service');
    await visit(page, service?.hash ?? '', 'Service');
    const table = page.getByRole('table', { name: 'Service by week' });
    await table.waitFor();
    // The current week is the last row: the team reply of beforeAll (and the demo's) count.
    expect(await table.getByRole('row').last().getByRole('cell').first().textContent()).toMatch(
      /^\S.* \(\d+ threads?\)$/,
    );
    expect(await scrollsSideways(page), 'the Service page scrolls sideways at 320 px').toBe(false);
  });

  it('works with the keyboard: a skip link first, focus on the heading after navigation', async () => {
    const { page } = await e2e.visitor();
    await signInToConsole(page, e2e.server.origin);
    await pageHeading(page, 'Inbox');
    // From the top of the document (nothing focused), Tab reaches the skip link first.
    await page.evaluate(() => {
      document.body.tabIndex = -1;
      document.body.focus();
      document.body.removeAttribute('tabindex');
    });
    await page.keyboard.press('Tab');
    const skip = page.getByRole('button', { name: 'Skip to content' });
    expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.getByRole('link', { name: 'Settings' }).focus();
    await page.keyboard.press('Enter');
    await pageHeading(page, 'Project settings');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Project settings');
  });
});

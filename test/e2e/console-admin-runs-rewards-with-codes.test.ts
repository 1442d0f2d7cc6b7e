import { beforeAll, expect, it } from 'vitest';
import { setSurveysActive } from './helpers/admin';
import { describeInChromium } from './helpers/chromium';
import {
  consolePageSettled,
  consoleSession,
  consoleUrl,
  pageHeading,
  signInToConsole,
} from './helpers/console';
import { useE2E } from './helpers/e2e-context';
import { openWidget, seeText, widget } from './helpers/widget';

const REWARD = 'Tea sampler';
const CODES = ['TEA-1111', 'TEA-2222'];

describeInChromium('an admin runs a reward with codes from the console', () => {
  const e2e = useE2E();

  beforeAll(async () => {
    await setSurveysActive(e2e.server, false);
  });

  it('adds a reward and its codes, the customer redeems one and sees it, the team fulfils it', async () => {
    const { page, errors } = await e2e.visitor({ viewport: { width: 320, height: 800 } });
    await signInToConsole(page, e2e.server.origin);
    const project = (await consoleSession(page)).projects[0];
    if (!project) throw new Error('the demo owner has no project');
    await page.goto(consoleUrl(e2e.server.origin, `#/projects/${project.id}/loyalty`));
    await pageHeading(page, 'Loyalty');
    await consolePageSettled(page);

    // A cost that is not a number is refused beside its field, with focus there.
    await page.getByLabel('Name', { exact: true }).fill(REWARD);
    await page.getByLabel('Cost (points)').fill('ten');
    await page.getByLabel(/^Hand out a unique code/).check();
    await page.getByRole('button', { name: 'Add reward' }).click();
    const cost = page.getByLabel('Cost (points)');
    await expect.poll(() => cost.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => cost.evaluate((el) => el === document.activeElement)).toBe(true);
    await cost.fill('10');
    await page.getByRole('button', { name: 'Add reward' }).click();
    await page
      .getByRole('status')
      .getByText(`Reward “${REWARD}” added.`, { exact: false })
      .waitFor();
    const card = page.getByRole('listitem').filter({ hasText: REWARD });
    await card.getByText('No codes left', { exact: false }).waitFor();
    await consolePageSettled(page);

    // A new way to earn, saved with the list, is what the widget lists next.
    const ways = page.getByRole('region', { name: 'Ways to earn' });
    await ways.getByRole('button', { name: 'Add a way to earn' }).click();
    const hows = ways.getByLabel(/^How \d+$/);
    const last = (await hows.count()) - 1;
    await hows.nth(last).fill('Share a photo of your tea');
    await ways.getByLabel('Points').nth(last).fill('25');
    await ways.getByRole('button', { name: 'Save ways to earn' }).click();
    await page.getByRole('status').getByText('Ways to earn saved', { exact: false }).waitFor();

    await card.getByRole('link', { name: REWARD }).click();
    await pageHeading(page, REWARD);
    await page.getByLabel('Your codes, one per line').fill(`${CODES.join('\n')}\n${CODES[0]}`);
    await page.getByRole('button', { name: 'Add codes' }).click();
    await page.getByRole('status').getByText('2 codes added; 2 free.').waitFor();
    await page.getByText('2 codes left', { exact: false }).waitFor();
    await consolePageSettled(page);

    // The demo customer redeems it in the widget and is handed the first code.
    const customer = await e2e.visitor();
    await customer.page.goto(`${e2e.server.origin}/account.html`);
    await seeText(customer.page, 'Signed in to Rapport');
    await openWidget(customer.page);
    await widget.tab(customer.page, 'Rewards').click();
    await seeText(customer.page, 'Share a photo of your tea');
    await customer.page.getByRole('button', { name: `Redeem ${REWARD}` }).click();
    await seeText(customer.page, `Redeemed ${REWARD}. Enjoy! Your code: ${CODES[0]}`);

    // The team sees it to fulfil, with its code, and marks it fulfilled.
    await page.goto(consoleUrl(e2e.server.origin, `#/projects/${project.id}/loyalty/redemptions`));
    await pageHeading(page, 'Redemptions');
    const redemption = page.getByRole('listitem').filter({ hasText: REWARD });
    await redemption.getByText(CODES[0] as string).waitFor();
    await redemption.getByText('To fulfil').waitFor();
    await consolePageSettled(page);
    await redemption.getByRole('button', { name: /^Mark fulfilled/ }).click();
    await redemption.getByText('Fulfilled', { exact: true }).waitFor();

    await page.goto(consoleUrl(e2e.server.origin, `#/projects/${project.id}/loyalty/members`));
    await pageHeading(page, 'Loyalty members');
    await page.getByRole('link', { name: 'demo-customer' }).click();
    await pageHeading(page, 'Member demo-customer');
    await page.getByText(`Redeemed: ${REWARD}`, { exact: false }).waitFor();
    await consolePageSettled(page);
    expect([...errors, ...customer.errors]).toEqual([]);
  });
});

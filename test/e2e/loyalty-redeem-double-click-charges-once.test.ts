import type { Page as ListPage, Member, Reward, Tier } from '@rapport/protocol';
import { beforeAll, expect, it } from 'vitest';
import { setSurveysActive } from './helpers/admin';
import { describeInChromium } from './helpers/chromium';
import { useE2E } from './helpers/e2e-context';
import { openWidget, seeText, widget } from './helpers/widget';

const CUSTOMER = 'demo-customer';

describeInChromium('the identified demo customer in the Rewards panel', () => {
  const e2e = useE2E();

  beforeAll(async () => {
    await setSurveysActive(e2e.server, false);
  });

  it('sees balance, tier and progress, and a double-clicked redeem charges once', async () => {
    const member = await e2e.server.admin<Member>(`/v1/admin/loyalty/members/${CUSTOMER}`);
    const { items: rewards } = await e2e.server.admin<ListPage<Reward>>(
      '/v1/admin/loyalty/rewards',
    );
    const affordable = rewards
      .filter((reward) => reward.active !== false && reward.cost <= member.balance)
      .sort((a, b) => a.cost - b.cost)[0];
    if (!affordable)
      throw new Error(`the demo customer (${member.balance} points) can afford no reward`);

    const { page, errors } = await e2e.visitor();
    await page.goto(`${e2e.server.origin}/account.html`);
    await seeText(page, 'Signed in to Rapport');
    await openWidget(page);
    await widget.tab(page, 'Rewards').click();

    await seeText(page, `${member.balance} points`);
    if (member.tier) await seeText(page, `Tier: ${member.tier.name}`);
    // The demo's Silver greeting, filled from the verified firstName of the demo identify.
    if (member.tier?.name === 'Silver') {
      await seeText(page, 'Welcome back, Dana: Silver members get free gift wrapping.');
    }
    const progress = page.getByRole('progressbar');
    await progress.waitFor({ state: 'visible' });
    // Progress is derived from lifetime points between the current and the next tier.
    const { items: tiers } = await e2e.server.admin<ListPage<Tier>>('/v1/admin/loyalty/tiers');
    const next = [...tiers]
      .sort((a, b) => a.threshold - b.threshold)
      .find((tier) => tier.threshold > member.lifetimePoints);
    if (!next) throw new Error('the demo customer should be below the top tier');
    const floor = member.tier?.threshold ?? 0;
    const expected = (member.lifetimePoints - floor) / (next.threshold - floor);
    const value = await progress.evaluate((element) => (element as HTMLProgressElement).value);
    expect(value).toBeCloseTo(expected, 3);
    await seeText(page, `${next.threshold - member.lifetimePoints} points to ${next.name}`);

    const redeem = page.getByRole('button', { name: `Redeem ${affordable.name}` });
    await redeem.dblclick();
    await seeText(page, `Redeemed ${affordable.name}. Enjoy!`);
    // Give a second request, had one been sent, the time to land before counting.
    await page.waitForLoadState('networkidle');

    const after = await e2e.server.admin<Member>(`/v1/admin/loyalty/members/${CUSTOMER}`);
    expect(after.balance).toBe(member.balance - affordable.cost);
    const charges = after.activity.filter((entry) => entry.points === -affordable.cost);
    const chargesBefore = member.activity.filter((entry) => entry.points === -affordable.cost);
    expect(charges.length - chargesBefore.length).toBe(1);
    await seeText(page, `${after.balance} points`);
    expect(errors).toEqual([]);
  });

  it('still signs the customer in when identify is queued before rapport.js has loaded', async () => {
    const { page, errors } = await e2e.visitor();
    // Hold the bundle back until the page has called identify on the inline stub.
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/rapport.js', async (route) => {
      await released;
      await route.continue();
    });
    // The held-back async script delays `load`; the page is usable from DOMContentLoaded.
    await page.goto(`${e2e.server.origin}/account.html`, { waitUntil: 'domcontentloaded' });
    await seeText(page, 'Signed in to Rapport');
    expect(await widget.host(page).count()).toBe(0);
    release();

    await openWidget(page);
    await widget.tab(page, 'Rewards').click();
    await page.getByRole('progressbar').waitFor({ state: 'visible' });
    expect(await page.getByText('Join our rewards').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

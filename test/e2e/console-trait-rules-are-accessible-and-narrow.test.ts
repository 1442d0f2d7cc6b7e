import { expect, it } from 'vitest';
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

describeInChromium('trait rules in the survey builder', () => {
  const e2e = useE2E();

  it('are added by keyboard, pass axe and fit 375 px', async () => {
    const { page, errors } = await e2e.visitor({ viewport: { width: 375, height: 740 } });
    await signInToConsole(page, e2e.server.origin);
    const id = (await consoleSession(page)).projects[0]?.id;
    await page.goto(consoleUrl(e2e.server.origin, `#/projects/${id}/surveys/new`));
    await pageHeading(page, 'New survey');

    const add = page.getByRole('button', { name: 'Add a rule' });
    await add.focus();
    await page.keyboard.press('Enter');
    // Focus is on the new rule's trait: type it, then Tab to the condition and the value.
    await page.keyboard.type('plan');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      'survey-targeting-traits-rules-0-trait',
    );
    await add.click();
    await page.getByLabel('Rule 2: condition').selectOption('gt');
    await page.getByLabel('Rule 2: value').fill('10');
    await page.getByText('Show when').waitFor();

    expect(await axePage(page), 'axe with two rules').toEqual([]);
    expect(await scrollsSideways(page), 'the rules scroll sideways at 375 px').toBe(false);
    await page.getByRole('button', { name: 'Remove rule 2' }).click();
    expect(await page.getByLabel('Rule 2: trait').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { setSurveysActive } from './helpers/admin';
import { describeInChromium } from './helpers/chromium';
import {
  consolePageSettled,
  consoleSession,
  consoleUrl,
  consoleWrite,
  pageHeading,
  signInToConsole,
} from './helpers/console';
import { useE2E } from './helpers/e2e-context';
import { seeText, widget } from './helpers/widget';

const NAME = 'Product page NPS';
const QUESTION = 'Would you recommend our mugs to a friend?';
const PROMOTER_FOLLOW_UP = 'Which mug did you like best?';

describeInChromium('an admin builds a survey in the console', () => {
  const e2e = useE2E();

  beforeAll(async () => {
    // Only the survey built here may pop up: the seeded one would take its place.
    await setSurveysActive(e2e.server, false);
  });

  /** The owner invites an admin; the admin joins by the link, which signs them in. */
  async function signInAsAdmin(): Promise<{ page: Page; projectId: string; errors: Error[] }> {
    const owner = await e2e.visitor();
    await signInToConsole(owner.page, e2e.server.origin);
    const project = (await consoleSession(owner.page)).projects[0];
    if (!project) throw new Error('the demo owner has no project');
    const invited = await consoleWrite(
      owner.page,
      `/v1/console/projects/${project.id}/invitations`,
      { email: 'ada@example.test', role: 'admin' },
    );
    expect(invited.status).toBe(201);
    const admin = await e2e.visitor({ viewport: { width: 320, height: 800 } });
    await admin.page.goto((invited.body as { url: string }).url);
    await pageHeading(admin.page, 'Accept your invitation');
    await admin.page.getByLabel('Your name').fill('Ada Admin');
    await admin.page.getByLabel('Password').fill('a long admin password');
    await admin.page.getByRole('button', { name: 'Join the project' }).click();
    await pageHeading(admin.page, 'Inbox');
    return { page: admin.page, projectId: project.id, errors: [...owner.errors, ...admin.errors] };
  }

  it('targets it at the product page, a visitor there answers, and the list and report count it', async () => {
    const { page, projectId, errors } = await signInAsAdmin();
    await page.goto(consoleUrl(e2e.server.origin, `#/projects/${projectId}/surveys`));
    await pageHeading(page, 'Surveys');
    await page.getByRole('link', { name: 'Create survey' }).click();
    await pageHeading(page, 'New survey');
    await consolePageSettled(page);

    // Keyboard only, as the form's labels name its fields.
    await page.getByLabel('Name', { exact: true }).focus();
    await page.keyboard.type(NAME);
    await page.getByLabel('Question', { exact: true }).fill(QUESTION);
    await page.getByLabel('Ask a follow-up question chosen by the score').press('Space');
    await page.getByLabel('Detractors (0–6)').fill('What went wrong?');
    await page.getByLabel('Passives (7–8)').fill('What would make it a 10?');
    await page.getByLabel('Promoters (9–10)').fill(PROMOTER_FOLLOW_UP);
    await page.getByLabel('Page URL contains').fill('/product.html');
    await page.getByLabel('Delay (seconds)').fill('9999');
    await page.getByRole('button', { name: 'Create survey' }).press('Enter');
    const delay = page.getByLabel('Delay (seconds)');
    await expect.poll(() => delay.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => delay.evaluate((el) => el === document.activeElement)).toBe(true);
    await consolePageSettled(page);
    await delay.fill('0');
    await page.getByRole('button', { name: 'Create survey' }).press('Enter');

    await pageHeading(page, 'Surveys');
    await page.getByRole('status').getByText(`Survey “${NAME}” created.`).waitFor();
    const item = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: NAME }) });
    await item.getByText('No answers yet').waitFor();
    await item.getByText('On pages whose URL contains “/product.html”', { exact: false }).waitFor();
    await consolePageSettled(page);

    // The server offers it on the product page only.
    const visitor = await e2e.visitor();
    const onHome = visitor.page.waitForResponse((r) => r.url().includes('/v1/surveys/eligible'));
    await visitor.page.goto(`${e2e.server.origin}/`);
    expect(await (await onHome).json()).toEqual({ surveys: [] });
    await visitor.page.goto(`${e2e.server.origin}/product.html`);
    await widget.survey(visitor.page).waitFor({ state: 'visible' });
    await seeText(visitor.page, QUESTION);
    await widget.score(visitor.page, 9).click();
    await visitor.page.getByRole('textbox', { name: PROMOTER_FOLLOW_UP }).fill('The blue one.');
    await visitor.page.getByRole('button', { name: 'Send answer' }).click();
    await seeText(visitor.page, 'Thank you for your answer!');

    await page.reload();
    await pageHeading(page, 'Surveys');
    await item.getByText(/^1 answer · NPS/).waitFor();
    await item.getByRole('link', { name: NAME, exact: true }).click();
    await pageHeading(page, `Report: ${NAME}`);
    const score = page.getByRole('region', { name: 'Score' });
    await score.getByText('+100', { exact: true }).waitFor();
    const promoters = page
      .getByRole('table', { name: 'Answers by band' })
      .getByRole('row', { name: /Promoters \(9–10\)/ });
    expect(await promoters.getByRole('cell').allTextContents()).toEqual(['1', '100 %']);
    await consolePageSettled(page);
    expect([...errors, ...visitor.errors]).toEqual([]);
  });
});

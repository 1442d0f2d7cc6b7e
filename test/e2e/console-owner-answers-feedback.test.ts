import { beforeAll, expect, it } from 'vitest';
import { setSurveysActive } from './helpers/admin';
import { describeInChromium } from './helpers/chromium';
import { consoleSession, consoleUrl, pageHeading, signInToConsole } from './helpers/console';
import { useE2E } from './helpers/e2e-context';
import { FEEDBACK_SENT, openWidget, seeText, sendFeedback, widget } from './helpers/widget';

describeInChromium('a site owner in the console', () => {
  const e2e = useE2E();

  beforeAll(async () => {
    // The feedback round trip is the point here; a survey popping up would only add noise.
    await setSurveysActive(e2e.server, false);
  });

  it('creates a project and sees its keys, the secret one once with a warning', async () => {
    const { page, errors } = await e2e.visitor();
    await signInToConsole(page, e2e.server.origin);
    await page.goto(consoleUrl(e2e.server.origin, '#/projects'));
    await pageHeading(page, 'Projects');
    await page.getByLabel('Project name').fill('Roastery');
    await page.getByLabel('Allowed origins').fill('https://roastery.example/blog');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByText('"https://roastery.example/blog" has a path').first().waitFor();

    await page.getByLabel('Allowed origins').fill('https://roastery.example');
    await page.getByRole('button', { name: 'Create project' }).click();
    const created = page.getByRole('region', { name: 'Project “Roastery” created' });
    await created.waitFor();
    await expect.poll(() => created.locator('dd').first().textContent()).toMatch(/^pk_/);
    expect(await page.locator('#new-secret-key').textContent()).toMatch(/^sk_/);
    await created.getByText('Copy it now: it is shown only once.').waitFor();
    const session = await consoleSession(page);
    expect(session.projects.map((project) => project.name)).toContain('Roastery');
    expect(errors).toEqual([]);
  });

  it('finds feedback from the demo page by a word of it, replies, and the customer reads it and answers', async () => {
    const message = 'The periwinkle mug arrived with a chipped handle.';
    const customer = await e2e.visitor();
    await customer.page.goto(`${e2e.server.origin}/account.html`);
    await seeText(customer.page, 'Signed in to Rapport');
    await openWidget(customer.page);
    await sendFeedback(customer.page, message);
    await seeText(customer.page, FEEDBACK_SENT);

    const owner = await e2e.visitor();
    const { page } = owner;
    await signInToConsole(page, e2e.server.origin);
    await pageHeading(page, 'Inbox');
    await page.getByRole('searchbox', { name: 'Search' }).fill('periwinkle');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const rows = page.locator('a[data-row]');
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().getByText(message).waitFor();
    // Keyboard only: j focuses the first row, Enter opens it.
    await page.locator('main h1').focus();
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await pageHeading(page, /^Feedback from /);
    await page.getByText(message).first().waitFor();
    await page.getByText(`${e2e.server.origin}/account.html`).waitFor();

    const reply = 'So sorry! A new mug is on its way, no need to send the old one back.';
    await page.getByRole('textbox', { name: 'Reply' }).fill(reply);
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByText('Reply sent.').waitFor();
    const conversation = page.getByRole('region', { name: 'Conversation' });
    await conversation.getByText(reply).waitFor();
    const { user } = await consoleSession(page);
    await conversation.getByText(user.name, { exact: true }).waitFor();

    await customer.page.reload();
    await seeText(customer.page, 'Signed in to Rapport');
    // The launcher says replies are waiting before the widget is opened (the demo customer
    // has others from the seed).
    await customer.page
      .getByRole('button', { name: /^Open feedback and rewards, \d+ unread repl(y|ies)$/ })
      .waitFor();
    await openWidget(customer.page);
    await widget.tab(customer.page, 'Messages').click();
    await seeText(customer.page, reply);

    // The customer answers with the keyboard alone; the team sees it in the thread.
    const answer = 'Thank you! The new one can go to my office address.';
    const thread = customer.page.locator('rapport-widget li.thread').filter({ hasText: message });
    await thread.getByRole('textbox', { name: 'Your reply' }).focus();
    await customer.page.keyboard.type(answer);
    await customer.page.keyboard.press('Tab');
    await expect
      .poll(() =>
        customer.page.evaluate(
          () => document.activeElement?.shadowRoot?.activeElement?.textContent,
        ),
      )
      .toBe('Send');
    await customer.page.keyboard.press('Enter');
    await page.reload();
    await pageHeading(page, /^Feedback from /);
    await conversation.getByText(answer).waitFor();
    await page.getByText('Waiting on the team').first().waitFor();
    expect([...customer.errors, ...owner.errors]).toEqual([]);
  });
});

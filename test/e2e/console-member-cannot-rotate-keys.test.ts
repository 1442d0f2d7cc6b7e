import { expect, it } from 'vitest';
import { describeInChromium } from './helpers/chromium';
import {
  consoleSession,
  consoleUrl,
  consoleWrite,
  pageHeading,
  signInToConsole,
} from './helpers/console';
import { useE2E } from './helpers/e2e-context';

describeInChromium('a member invited to a project', () => {
  const e2e = useE2E();

  it('joins by link, and cannot rotate keys: the UI refuses and the API answers 403', async () => {
    const owner = await e2e.visitor();
    await signInToConsole(owner.page, e2e.server.origin);
    const project = (await consoleSession(owner.page)).projects[0];
    if (!project) throw new Error('the demo owner has no project');
    await owner.page.goto(consoleUrl(e2e.server.origin, `#/projects/${project.id}/team`));
    await pageHeading(owner.page, 'Team');
    await owner.page.getByLabel('Email').fill('max@example.test');
    await owner.page.getByLabel('Role', { exact: true }).selectOption('member');
    await owner.page.getByRole('button', { name: 'Create invitation link' }).click();
    const link = owner.page.locator('#invite-url');
    await link.waitFor();
    const url = (await link.textContent()) ?? '';
    expect(url).toMatch(/\/console\/#\/invite\/.+/);

    const member = await e2e.visitor();
    const { page } = member;
    await page.goto(url);
    await pageHeading(page, 'Accept your invitation');
    await page.getByText('max@example.test').waitFor();
    await page.getByLabel('Your name').fill('Max Member');
    await page.getByLabel('Password').fill('a long member password');
    await page.getByRole('button', { name: 'Join the project' }).click();
    await pageHeading(page, 'Inbox');
    const session = await consoleSession(page);
    expect(session.projects).toEqual([{ id: project.id, name: project.name, role: 'member' }]);

    await page.goto(consoleUrl(e2e.server.origin, `#/projects/${project.id}/settings`));
    await pageHeading(page, 'Project settings');
    for (const name of ['Rotate publishable key', 'Rotate secret key', 'Rotate identity secret']) {
      await expect.poll(() => page.getByRole('button', { name }).isDisabled()).toBe(true);
    }
    await page.getByText('Only owners can rotate keys.').waitFor();
    expect(await page.getByRole('link', { name: 'Team' }).count()).toBe(0);

    const refused = await consoleWrite(page, `/v1/console/projects/${project.id}/keys/rotate`, {
      key: 'secret',
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'forbidden' } });

    // The owner still can: the refusal is the role's, not a broken route.
    await owner.page.goto(consoleUrl(e2e.server.origin, `#/projects/${project.id}/settings`));
    await pageHeading(owner.page, 'Project settings');
    expect(await owner.page.getByRole('button', { name: 'Rotate secret key' }).isDisabled()).toBe(
      false,
    );
    expect([...owner.errors, ...member.errors]).toEqual([]);
  });
});

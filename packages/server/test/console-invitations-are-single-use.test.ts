import { describe, expect, it, vi } from 'vitest';
import { addUser, consoleBrowser } from './helpers/console-session';
import { databases } from './helpers/databases';
import { useTestApp } from './helpers/test-app';

vi.setConfig({ testTimeout: 60_000 });

describe.each(databases)('console invitations on $name', (database) => {
  const ctx = useTestApp(database);

  async function invite(email: string) {
    await addUser(ctx.store, 'owner@team.test', { projectId: 'proj_test', role: 'owner' });
    const owner = consoleBrowser(ctx.app);
    await owner.signIn('owner@team.test');
    const created = await owner.send('POST', '/v1/console/projects/proj_test/invitations', {
      email,
      role: 'member',
    });
    expect(created.status).toBe(201);
    const token = /#\/invite\/([A-Za-z0-9_-]{43})$/.exec(created.body.url)?.[1] as string;
    expect(token).toBeDefined();
    return { owner, token, created: created.body };
  }

  it('accepts a link once: creates the account as member and signs it in', async () => {
    const { owner, token } = await invite('new@team.test');
    const visitor = consoleBrowser(ctx.app);
    const preview = await visitor.send('GET', `/v1/console/invitations/${token}`);
    expect(preview.body).toEqual({
      email: 'new@team.test',
      projectName: 'Test Shop',
      role: 'member',
    });
    const accepted = await visitor.send('POST', `/v1/console/invitations/${token}/accept`, {
      name: 'New',
      password: 'a long new password',
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.projects).toEqual([
      { id: 'proj_test', name: 'Test Shop', role: 'member' },
    ]);
    const again = await consoleBrowser(ctx.app).send(
      'POST',
      `/v1/console/invitations/${token}/accept`,
      {
        name: 'Thief',
        password: 'another long password',
      },
    );
    expect(again.status).toBe(404);
    expect((await visitor.send('GET', `/v1/console/invitations/${token}`)).status).toBe(404);
    const team = await owner.send('GET', '/v1/console/projects/proj_test/members');
    expect(
      team.body.members.map((m: { email: string; role: string }) => [m.email, m.role]),
    ).toEqual([
      ['owner@team.test', 'owner'],
      ['new@team.test', 'member'],
    ]);
    expect(team.body.invitations).toEqual([]);
    const removeLastOwner = await owner.send(
      'DELETE',
      `/v1/console/projects/proj_test/members/${team.body.members[0].userId}`,
    );
    expect(removeLastOwner.status).toBe(409);
  });

  it('refuses a link after 7 days', async () => {
    const { token } = await invite('late@team.test');
    ctx.clock.advanceDays(7.01);
    const late = await consoleBrowser(ctx.app).send(
      'POST',
      `/v1/console/invitations/${token}/accept`,
      {
        name: 'Late',
        password: 'a long new password',
      },
    );
    expect(late.status).toBe(404);
  });
});

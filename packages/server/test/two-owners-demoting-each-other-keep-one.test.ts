import { describe, expect, it, vi } from 'vitest';
import { addUser, consoleBrowser } from './helpers/console-session';
import { databases } from './helpers/databases';
import { useTestApp } from './helpers/test-app';

vi.setConfig({ testTimeout: 60_000 });

describe.each(databases)('the last owner on $name', (database) => {
  const ctx = useTestApp(database);

  it('two owners demoting each other at once leave exactly one owner', async () => {
    const ana = await addUser(ctx.store, 'ana@team.test', {
      projectId: 'proj_test',
      role: 'owner',
    });
    const bo = await addUser(ctx.store, 'bo@team.test', { projectId: 'proj_test', role: 'owner' });
    const anaBrowser = consoleBrowser(ctx.app);
    const boBrowser = consoleBrowser(ctx.app);
    await anaBrowser.signIn('ana@team.test');
    await boBrowser.signIn('bo@team.test');

    const results = await Promise.all([
      anaBrowser.send('PATCH', `/v1/console/projects/proj_test/members/${bo.id}`, {
        role: 'admin',
      }),
      boBrowser.send('PATCH', `/v1/console/projects/proj_test/members/${ana.id}`, {
        role: 'admin',
      }),
    ]);

    // One wins. The other is refused: 409 when both got past the role check together (the
    // locked owner count decides), 403 when the winner's change landed before its check.
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    // Whoever lost the race is still the owner: a project is never left without one.
    const owners = await ctx.store.db
      .selectFrom('memberships')
      .select('user_id')
      .where('project_id', '=', 'proj_test')
      .where('role', '=', 'owner')
      .execute();
    expect(owners).toHaveLength(1);
  });
});

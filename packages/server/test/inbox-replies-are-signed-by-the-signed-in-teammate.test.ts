import { describe, expect, it, vi } from 'vitest';
import { addUser, consoleBrowser } from './helpers/console-session';
import { databases } from './helpers/databases';
import { ingest, userHashOf } from './helpers/inbox';
import { message, send } from './helpers/requests';
import { useTestApp } from './helpers/test-app';

// Sign-in hashes a password with scrypt: seconds on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

const PROJECT = { 'x-rapport-project': 'proj_test' };

describe.each(databases)('inbox through a console session on $name', (database) => {
  const ctx = useTestApp(database);

  it('signs replies and notes with the signed-in teammate’s name and shows the customer only the reply', async () => {
    ctx.clock.set('2026-03-02T00:00:00.000Z');
    await ingest(ctx, [
      message('feedback', {
        id: 'fb-1',
        userId: 'ada',
        userHash: userHashOf('ada'),
        message: 'Where is my order?',
      }),
    ]);
    const user = await addUser(ctx.store, 'grace@team.test', {
      projectId: 'proj_test',
      role: 'member',
    });
    const grace = consoleBrowser(ctx.app);
    expect((await grace.signIn('grace@team.test')).status).toBe(200);

    const reply = await grace.send(
      'POST',
      '/v1/admin/feedback/fb-1/replies',
      { body: 'On its way!' },
      PROJECT,
    );
    expect(reply.status).toBe(201);
    expect(reply.body.author).toEqual({ kind: 'team', name: 'grace', userId: user.id });
    const note = await grace.send(
      'POST',
      '/v1/admin/feedback/fb-1/notes',
      { body: 'Courier delayed' },
      PROJECT,
    );
    expect(note.status).toBe(201);
    const mine = await grace.send(
      'PATCH',
      '/v1/admin/feedback/fb-1',
      { assigneeId: user.id },
      PROJECT,
    );
    expect(mine.body.assignee).toEqual({ userId: user.id, name: 'grace' });
    const assigned = await grace.send('GET', '/v1/admin/feedback?assignee=me', undefined, PROJECT);
    expect(assigned.body.items.map((item: { id: string }) => item.id)).toEqual(['fb-1']);

    const thread = await grace.send('GET', '/v1/admin/feedback/fb-1', undefined, PROJECT);
    expect(thread.body.replies[0].author.name).toBe('grace');
    expect(thread.body.notes[0]).toMatchObject({
      body: 'Courier delayed',
      author: { name: 'grace' },
    });

    const inbox = await send(ctx.app, 'GET', `/v1/inbox?userId=ada&userHash=${userHashOf('ada')}`);
    expect(inbox.body.threads[0].replies.map((r: { body: string }) => r.body)).toEqual([
      'On its way!',
    ]);
    expect(JSON.stringify(inbox.body)).not.toContain('Courier delayed');

    // A member may not erase a customer: that is the owner's.
    const erase = await grace.send(
      'DELETE',
      '/v1/admin/customers/ada',
      { confirm: 'ada' },
      PROJECT,
    );
    expect([erase.status, erase.body.error.code]).toEqual([403, 'forbidden']);
  });
});

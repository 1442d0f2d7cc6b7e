import { describe, expect, it } from 'vitest';
import { listAudit } from '../src/store/audit-log';
import { earnPoints } from '../src/store/loyalty-ledger';
import { replaceTiers } from '../src/store/loyalty-program';
import { databases } from './helpers/databases';
import { addTeammate, asSecretKey, ingest, teammateApp, userHashOf } from './helpers/inbox';
import { message, send } from './helpers/requests';
import { useTestApp } from './helpers/test-app';

const ADA = 'ada';
const HASH = userHashOf(ADA);
const CONTEXT = {
  url: 'https://shop.example/checkout?step=2',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131',
  viewport: { width: 390, height: 844 },
  locale: 'fr-FR',
};
const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 9, minute)).toISOString();

describe.each(databases)('inbox thread, notes, tags and assignee on $name', (database) => {
  const ctx = useTestApp(database);

  async function seed() {
    ctx.clock.set('2026-03-02T00:00:00.000Z');
    const identified = { anonymousId: 'anon-ada', userId: ADA, userHash: HASH };
    await ingest(ctx, [
      message('identify', {
        ...identified,
        id: 'id-1',
        timestamp: at(0),
        traits: { email: 'ada@example.com', plan: 'pro' },
      }),
      // 30 pages, so the thread's timeline (latest 20) has more to leave out.
      ...Array.from({ length: 30 }, (_, i) =>
        message('page', { ...identified, id: `page-${i}`, timestamp: at(1 + i) }),
      ),
      message('feedback', {
        ...identified,
        id: 'fb-1',
        timestamp: at(40),
        message: 'Checkout fails on step 2',
        category: 'bug',
        context: CONTEXT,
      }),
      message('feedback', {
        id: 'fb-anon',
        anonymousId: 'anon-z',
        timestamp: at(41),
        message: 'Hi',
      }),
    ]);
    await replaceTiers(ctx.store.db, 'proj_test', [
      { name: 'Bronze', threshold: 0 },
      { name: 'Silver', threshold: 500 },
    ]);
    await earnPoints(
      ctx.store.db,
      'proj_test',
      { id: 'e1', userId: ADA, points: 600, reason: 'Welcome' },
      new Date(at(42)),
    );
    return addTeammate(ctx.store, 'u1', 'Uma Teammate', 'member');
  }

  it('shows the item with its context, signed replies, notes, tags, assignee, customer and latest timeline', async () => {
    const uma = await seed();
    const asUma = teammateApp(ctx, uma);
    ctx.clock.set(at(50));
    const keyReply = await asSecretKey(ctx, 'POST', '/v1/admin/feedback/fb-1/replies', {
      body: 'Looking into it.',
    });
    expect(keyReply.status).toBe(201);
    expect(keyReply.body.author).toEqual({ kind: 'team', name: 'the team', userId: null });
    ctx.clock.set(at(51));
    const umaReply = await asUma('POST', '/v1/admin/feedback/fb-1/replies', { body: 'Fixed now!' });
    expect(umaReply.body.author).toEqual({ kind: 'team', name: 'Uma Teammate', userId: 'u1' });
    const note = await asUma('POST', '/v1/admin/feedback/fb-1/notes', {
      body: 'Internal: caused by the coupon service',
    });
    expect(note.status).toBe(201);
    await asUma('PUT', '/v1/admin/feedback/fb-1/tags', { tags: ['Checkout', 'p1'] });
    await asUma('PATCH', '/v1/admin/feedback/fb-1', { assigneeId: 'u1', status: 'in_progress' });

    const thread = await asSecretKey(ctx, 'GET', '/v1/admin/feedback/fb-1');
    expect(thread.status).toBe(200);
    expect(thread.body.item).toMatchObject({
      id: 'fb-1',
      message: 'Checkout fails on step 2',
      status: 'in_progress',
      context: CONTEXT,
      tags: ['checkout', 'p1'],
      assignee: { userId: 'u1', name: 'Uma Teammate' },
    });
    expect(
      thread.body.replies.map((r: { body: string; author: { name: string } }) => [
        r.body,
        r.author.name,
      ]),
    ).toEqual([
      ['Looking into it.', 'the team'],
      ['Fixed now!', 'Uma Teammate'],
    ]);
    expect(thread.body.notes).toEqual([
      {
        id: note.body.id,
        body: 'Internal: caused by the coupon service',
        createdAt: at(51),
        author: { kind: 'team', name: 'Uma Teammate', userId: 'u1' },
      },
    ]);
    expect(thread.body.tags).toEqual(['checkout', 'p1']);
    expect(thread.body.assignee).toEqual({ userId: 'u1', name: 'Uma Teammate' });
    expect(thread.body.customer).toEqual({
      userId: ADA,
      email: 'ada@example.com',
      traits: { email: 'ada@example.com', plan: 'pro' },
      loyalty: { balance: 600, tier: { name: 'Silver', threshold: 500 } },
      firstSeenAt: at(0),
      lastSeenAt: at(40),
    });
    const timeline = thread.body.timeline.map(
      (e: { kind: string; id: string }) => `${e.kind}:${e.id}`,
    );
    expect(timeline).toHaveLength(20);
    expect(timeline.slice(0, 5)).toEqual([
      expect.stringMatching(/^reply:/),
      expect.stringMatching(/^reply:/),
      'loyalty:earn:e1',
      'feedback:fb-1',
      'page:page-29',
    ]);
    expect(timeline.at(-1)).toBe('page:page-14');
  });

  it('never shows internal notes to the customer, only the replies', async () => {
    const uma = await seed();
    const asUma = teammateApp(ctx, uma);
    await asUma('POST', '/v1/admin/feedback/fb-1/replies', { body: 'Public answer' });
    await asUma('POST', '/v1/admin/feedback/fb-1/notes', { body: 'SECRET-NOTE-TEXT' });
    const inbox = await send(ctx.app, 'GET', `/v1/inbox?userId=${ADA}&userHash=${HASH}`);
    expect(inbox.status).toBe(200);
    expect(inbox.body.threads[0].replies.map((r: { body: string }) => r.body)).toEqual([
      'Public answer',
    ]);
    expect(inbox.text).not.toContain('SECRET-NOTE-TEXT');
    // Nor in the list the team's backend might forward: notes live only in the thread view.
    const list = await asSecretKey(ctx, 'GET', '/v1/admin/feedback');
    expect(list.text).not.toContain('SECRET-NOTE-TEXT');
  });

  it('normalises tags, assigns only teammates, and refuses bad bodies and unknown items', async () => {
    await seed();
    const tags = await asSecretKey(ctx, 'PUT', '/v1/admin/feedback/fb-1/tags', {
      tags: ['Urgent', ' urgent ', 'billing'],
    });
    expect(tags.body).toEqual({ tags: ['billing', 'urgent'] });
    expect(
      (await asSecretKey(ctx, 'PUT', '/v1/admin/feedback/fb-1/tags', { tags: [] })).body,
    ).toEqual({
      tags: [],
    });
    const tooMany = Array.from({ length: 21 }, (_, i) => `t${i}`);
    expect(
      (await asSecretKey(ctx, 'PUT', '/v1/admin/feedback/fb-1/tags', { tags: tooMany })).status,
    ).toBe(400);
    expect(
      (await asSecretKey(ctx, 'PUT', '/v1/admin/feedback/nope/tags', { tags: ['a'] })).status,
    ).toBe(404);

    const assigned = await asSecretKey(ctx, 'PATCH', '/v1/admin/feedback/fb-1', {
      assigneeId: 'u1',
    });
    expect(assigned.body.assignee).toEqual({ userId: 'u1', name: 'Uma Teammate' });
    const stranger = await asSecretKey(ctx, 'PATCH', '/v1/admin/feedback/fb-1', {
      assigneeId: 'u9',
    });
    expect([stranger.status, stranger.body.error.code]).toEqual([400, 'invalid_body']);
    const unassigned = await asSecretKey(ctx, 'PATCH', '/v1/admin/feedback/fb-1', {
      assigneeId: null,
    });
    expect(unassigned.body.assignee).toBeNull();
    expect((await asSecretKey(ctx, 'PATCH', '/v1/admin/feedback/fb-1', {})).status).toBe(400);
    expect(
      (await asSecretKey(ctx, 'POST', '/v1/admin/feedback/fb-1/notes', { body: ' ' })).status,
    ).toBe(400);
    expect(
      (await asSecretKey(ctx, 'POST', '/v1/admin/feedback/nope/notes', { body: 'x' })).status,
    ).toBe(404);
    expect((await asSecretKey(ctx, 'GET', '/v1/admin/feedback/nope')).status).toBe(404);
  });

  it('shows an anonymous sender’s thread with no customer card and their browser’s timeline', async () => {
    await seed();
    const thread = await asSecretKey(ctx, 'GET', '/v1/admin/feedback/fb-anon');
    expect(thread.body.customer).toBeNull();
    expect(thread.body.timeline.map((e: { id: string }) => e.id)).toEqual(['fb-anon']);
  });

  it('audits status changes, replies and assignments without the text or the customer’s data', async () => {
    const uma = await seed();
    const asUma = teammateApp(ctx, uma);
    await asUma('PATCH', '/v1/admin/feedback/fb-1', { status: 'resolved', assigneeId: 'u1' });
    // Setting what is already set changes nothing and records nothing.
    await asUma('PATCH', '/v1/admin/feedback/fb-1', { status: 'resolved' });
    const reply = await asUma('POST', '/v1/admin/feedback/fb-1/replies', { body: 'REPLY-BODY' });
    const audit = await listAudit(ctx.store.db, 'proj_test');
    const rows = audit.items.map((item) => [item.action, item.target, item.details]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['feedback_status_changed', 'fb-1', { from: 'new', to: 'resolved' }],
        ['feedback_assigned', 'fb-1', { from: null, to: 'u1' }],
        ['feedback_replied', 'fb-1', { replyId: reply.body.id }],
      ]),
    );
    expect(rows).toHaveLength(3);
    expect(
      audit.items.every(
        (item) => item.actor && 'userId' in item.actor && item.actor.userId === 'u1',
      ),
    ).toBe(true);
    const text = JSON.stringify(audit);
    for (const personal of ['REPLY-BODY', 'ada@example.com', 'Checkout fails']) {
      expect(text).not.toContain(personal);
    }
  });
});

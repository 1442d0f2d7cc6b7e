import { describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { asSecretKey, ingest, userHashOf } from './helpers/inbox';
import { message, send } from './helpers/requests';
import { ORIGIN, useTestApp } from './helpers/test-app';

const SECRET = '0123456789abcdef0123456789abcdef';
const OTHER_SECRET = 'fedcba9876543210fedcba9876543210';
const HEADER = 'x-rapport-device-secret';

describe.each(databases)('unread replies on $name', (database) => {
  const ctx = useTestApp(database);
  const asUser = (userId: string) => `userId=${userId}&userHash=${userHashOf(userId)}`;

  function unread(query: string, headers: Record<string, string> = {}) {
    return send(ctx.app, 'GET', `/v1/inbox/unread?${query}`, undefined, { headers });
  }
  function markRead(body: Record<string, unknown>, headers: Record<string, string> = {}) {
    return send(ctx.app, 'POST', '/v1/inbox/read', body, { headers });
  }
  async function teamReply(feedbackId: unknown, at: string, body = 'On it') {
    ctx.clock.set(at);
    const res = await asSecretKey(ctx, 'POST', `/v1/admin/feedback/${feedbackId}/replies`, {
      body,
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  it("counts the team's replies up, and down after the customer reads them", async () => {
    const first = message('feedback', { userId: 'ada' });
    const second = message('feedback', { userId: 'ada' });
    const someoneElse = message('feedback', { userId: 'grace' });
    await ingest(ctx, [first, second, someoneElse]);
    expect((await unread(asUser('ada'))).body).toEqual({ unread: 0 });

    await teamReply(first.id, '2026-03-02T12:01:00.000Z');
    await teamReply(second.id, '2026-03-02T12:02:00.000Z');
    await teamReply(someoneElse.id, '2026-03-02T12:02:00.000Z');
    // The customer's own answer is not something for them to read.
    await ingest(ctx, [message('reply', { userId: 'ada', threadId: first.id, body: 'Thanks' })]);
    expect((await unread(asUser('ada'))).body).toEqual({ unread: 2 });

    // Read up to the first reply only: the second, newer one stays unread.
    ctx.clock.set('2026-03-02T12:03:00.000Z');
    const partly = await markRead({
      userId: 'ada',
      userHash: userHashOf('ada'),
      through: '2026-03-02T12:01:00.000Z',
    });
    expect(partly.status).toBe(200);
    expect(partly.body).toEqual({ unread: 1 });

    const all = await markRead({
      userId: 'ada',
      userHash: userHashOf('ada'),
      through: '2026-03-02T12:02:00.000Z',
    });
    expect(all.body).toEqual({ unread: 0 });
    expect((await unread(asUser('ada'))).body).toEqual({ unread: 0 });
    // An older mark arriving late never makes read replies unread again.
    await markRead({ userId: 'ada', userHash: userHashOf('ada'), through: '2026-03-01T00:00:00Z' });
    expect((await unread(asUser('ada'))).body).toEqual({ unread: 0 });
    // Grace's reply is hers: Ada reading changed nothing for her.
    expect((await unread(asUser('grace'))).body).toEqual({ unread: 1 });

    await teamReply(first.id, '2026-03-02T12:04:00.000Z', 'One more thing');
    expect((await unread(asUser('ada'))).body).toEqual({ unread: 1 });
  });

  it('never marks as read a reply written after the mark, whatever the client clock says', async () => {
    const feedback = message('feedback', { userId: 'ada' });
    await ingest(ctx, [feedback]);
    ctx.clock.set('2026-03-02T12:05:00.000Z');
    const future = await markRead({
      userId: 'ada',
      userHash: userHashOf('ada'),
      through: '2030-01-01T00:00:00.000Z',
    });
    expect(future.body).toEqual({ unread: 0 });
    await teamReply(feedback.id, '2026-03-02T12:06:00.000Z');
    expect((await unread(asUser('ada'))).body).toEqual({ unread: 1 });
  });

  it('answers 304 with no body while the count is the same, and 200 once it changes', async () => {
    const feedback = message('feedback', { userId: 'ada' });
    await ingest(ctx, [feedback]);
    await teamReply(feedback.id, '2026-03-02T12:01:00.000Z');
    const first = await unread(asUser('ada'));
    const tag = first.headers.get('etag');
    expect(tag).toBeTruthy();
    expect(first.headers.get('cache-control')).toBe('private, no-cache');

    const again = await unread(asUser('ada'), { 'if-none-match': tag as string });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');

    await teamReply(feedback.id, '2026-03-02T12:02:00.000Z');
    const changed = await unread(asUser('ada'), { 'if-none-match': tag as string });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ unread: 2 });
    expect(changed.headers.get('etag')).not.toBe(tag);
  });

  it('lets a page send If-None-Match and read the ETag across origins', async () => {
    const preflight = await ctx.app.request('/v1/inbox/unread?key=pk_test', {
      method: 'OPTIONS',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization, if-none-match',
      },
    });
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'if-none-match',
    );
    const res = await send(ctx.app, 'GET', `/v1/inbox/unread?${asUser('ada')}`, undefined, {
      origin: ORIGIN,
    });
    expect(res.headers.get('access-control-expose-headers')?.toLowerCase()).toContain('etag');
  });

  it("counts and clears an anonymous visitor's replies with the device secret only", async () => {
    const feedback = message('feedback', { anonymousId: 'anon-9', deviceSecret: SECRET });
    await ingest(ctx, [feedback]);
    const reply = await teamReply(feedback.id, '2026-03-02T12:01:00.000Z');
    const mine = { [HEADER]: SECRET };
    expect((await unread('anonymousId=anon-9', mine)).body).toEqual({ unread: 1 });

    for (const attempt of [
      await unread('anonymousId=anon-9'),
      await unread('anonymousId=anon-9', { [HEADER]: OTHER_SECRET }),
      await markRead({ anonymousId: 'anon-9', through: reply.createdAt }),
      await markRead(
        { anonymousId: 'anon-9', through: reply.createdAt },
        { [HEADER]: OTHER_SECRET },
      ),
    ]) {
      expect(attempt.status).toBe(401);
      expect(attempt.body.error.code).toBe('unauthorized');
    }
    expect((await unread('anonymousId=anon-9', mine)).body).toEqual({ unread: 1 });

    const read = await markRead({ anonymousId: 'anon-9', through: reply.createdAt }, mine);
    expect(read.body).toEqual({ unread: 0 });
  });

  it('refuses a claimed user without a valid userHash', async () => {
    const feedback = message('feedback', { userId: 'ada' });
    await ingest(ctx, [feedback]);
    await teamReply(feedback.id, '2026-03-02T12:01:00.000Z');
    for (const attempt of [
      await unread('userId=ada'),
      await unread(`userId=ada&userHash=${userHashOf('grace')}`),
      await markRead({ userId: 'ada', through: '2026-03-02T12:01:00.000Z' }),
      await markRead({
        userId: 'ada',
        userHash: userHashOf('grace'),
        through: '2026-03-02T12:01:00.000Z',
      }),
    ]) {
      expect(attempt.status).toBe(401);
      expect(attempt.body.error.code).toBe('unauthorized');
    }
    expect((await unread(asUser('ada'))).body).toEqual({ unread: 1 });
    const bad = await markRead({ userId: 'ada', userHash: userHashOf('ada'), through: 'soon' });
    expect(bad.status).toBe(400);
  });
});

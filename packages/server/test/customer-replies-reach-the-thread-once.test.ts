import { describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { asSecretKey, ingest } from './helpers/inbox';
import { message, send } from './helpers/requests';
import { useTestApp } from './helpers/test-app';

const SECRET = '0123456789abcdef0123456789abcdef';
const OTHER_SECRET = 'fedcba9876543210fedcba9876543210';

describe.each(databases)('customer replies on $name', (database) => {
  const ctx = useTestApp(database);

  /** A verified user's feedback with the team's first reply; returns the thread id. */
  async function threadWithTeamReply(userId = 'user-1') {
    const feedback = message('feedback', {
      userId,
      message: 'The export\nfails',
      deviceSecret: SECRET,
    });
    await ingest(ctx, [feedback]);
    const replied = await asSecretKey(ctx, 'POST', `/v1/admin/feedback/${feedback.id}/replies`, {
      body: 'Which browser?',
    });
    expect(replied.status).toBe(201);
    // The customer answers a minute after the team's reply.
    ctx.clock.set('2026-03-02T12:01:00.000Z');
    return feedback.id as string;
  }

  it('stores the answer once in the thread, on the customer side, with its line breaks', async () => {
    const threadId = await threadWithTeamReply();
    const before = await asSecretKey(ctx, 'GET', `/v1/admin/feedback/${threadId}`);
    expect(before.body.item.waitingOnTeam).toBe(false);

    const reply = message('reply', {
      userId: 'user-1',
      threadId,
      body: 'Firefox 133\n<b>on Linux</b>',
      deviceSecret: SECRET,
    });
    const first = await send(ctx.app, 'POST', '/v1/batch', { messages: [reply] });
    expect(first.body).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    const again = await send(ctx.app, 'POST', '/v1/batch', { messages: [reply] });
    expect(again.body).toEqual({ accepted: 0, duplicates: 1, rejected: [] });

    const thread = await asSecretKey(ctx, 'GET', `/v1/admin/feedback/${threadId}`);
    expect(
      thread.body.replies.map((r: { author: { kind: string }; body: string }) => [
        r.author.kind,
        r.body,
      ]),
    ).toEqual([
      ['team', 'Which browser?'],
      ['customer', 'Firefox 133\n<b>on Linux</b>'],
    ]);
    expect(thread.body.item.waitingOnTeam).toBe(true);

    const inbox = await send(
      ctx.app,
      'GET',
      `/v1/inbox?userId=user-1&userHash=${reply.userHash as string}`,
    );
    expect(inbox.body.threads[0].replies.map((r: { author: string }) => r.author)).toEqual([
      'team',
      'customer',
    ]);
  });

  it('reopens a resolved thread when the customer answers it', async () => {
    const threadId = await threadWithTeamReply();
    await asSecretKey(ctx, 'PATCH', `/v1/admin/feedback/${threadId}`, { status: 'resolved' });
    const resolved = await asSecretKey(ctx, 'GET', `/v1/admin/feedback/${threadId}`);
    expect(resolved.body.item).toMatchObject({ status: 'resolved', waitingOnTeam: false });
    await ingest(ctx, [message('reply', { userId: 'user-1', threadId, body: 'Still broken' })]);
    const reopened = await asSecretKey(ctx, 'GET', `/v1/admin/feedback/${threadId}`);
    expect(reopened.body.item).toMatchObject({ status: 'in_progress', waitingOnTeam: true });
  });

  it("refuses an answer in someone else's thread, an unknown one, or one from a mere claim", async () => {
    const threadId = await threadWithTeamReply('user-1');
    const stranger = message('reply', { userId: 'user-2', threadId, body: 'Me too' });
    const unknown = message('reply', { userId: 'user-1', threadId: 'nope', body: 'Hello?' });
    // A claimed userId without its hash is filed as anonymous: not the user's thread.
    const claim = message('reply', { userId: 'user-1', userHash: undefined, threadId, body: 'Hi' });
    const res = await send(ctx.app, 'POST', '/v1/batch', { messages: [stranger, unknown, claim] });
    expect(res.body.accepted).toBe(0);
    expect(res.body.rejected.map((r: { id: string; code: string }) => [r.id, r.code])).toEqual([
      [stranger.id, 'not_found'],
      [unknown.id, 'not_found'],
      [claim.id, 'not_found'],
    ]);
    const thread = await asSecretKey(ctx, 'GET', `/v1/admin/feedback/${threadId}`);
    expect(thread.body.replies).toHaveLength(1);
  });

  it("answers an anonymous thread only with the browser's registered device secret", async () => {
    const feedback = message('feedback', { anonymousId: 'anon-7', deviceSecret: SECRET });
    await ingest(ctx, [feedback]);
    const wrong = message('reply', {
      anonymousId: 'anon-7',
      threadId: feedback.id,
      body: 'Forged',
      deviceSecret: OTHER_SECRET,
    });
    const none = message('reply', { anonymousId: 'anon-7', threadId: feedback.id, body: 'Forged' });
    const right = message('reply', {
      anonymousId: 'anon-7',
      threadId: feedback.id,
      body: 'Mine',
      deviceSecret: SECRET,
    });
    const res = await send(ctx.app, 'POST', '/v1/batch', { messages: [wrong, none, right] });
    expect(res.body.accepted).toBe(1);
    expect(res.body.rejected.map((r: { code: string }) => r.code)).toEqual([
      'unauthorized',
      'unauthorized',
    ]);
    const thread = await asSecretKey(ctx, 'GET', `/v1/admin/feedback/${feedback.id}`);
    expect(thread.body.replies.map((r: { body: string }) => r.body)).toEqual(['Mine']);
  });
});

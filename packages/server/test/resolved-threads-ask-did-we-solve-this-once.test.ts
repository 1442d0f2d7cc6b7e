import { describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { asSecretKey, ingest, userHashOf } from './helpers/inbox';
import { message, send } from './helpers/requests';
import type { TestAppContext } from './helpers/test-app';
import { useTestApp } from './helpers/test-app';

const SECRET = '0123456789abcdef0123456789abcdef';
const OTHER_SECRET = 'fedcba9876543210fedcba9876543210';

/** The customer's threads as the widget reads them. */
async function inboxOf(ctx: TestAppContext, userId: string) {
  const res = await send(
    ctx.app,
    'GET',
    `/v1/inbox?userId=${userId}&userHash=${userHashOf(userId)}`,
  );
  expect(res.status).toBe(200);
  return res.body.threads as {
    id: string;
    resolution?: { resolvedAt: string; answered: boolean };
  }[];
}

function rejectedCodes(body: { rejected: { code: string }[] }) {
  return body.rejected.map((r) => r.code);
}

describe.each(databases)('resolution ratings on $name', (database) => {
  const ctx = useTestApp(database);

  /** A verified user's feedback, resolved by the team at `at`; returns the thread id. */
  async function resolvedThread(userId = 'user-1', at = '2026-03-02T12:30:00.000Z') {
    const feedback = message('feedback', { userId, message: 'Export fails', deviceSecret: SECRET });
    await ingest(ctx, [feedback]);
    ctx.clock.set(at);
    const res = await asSecretKey(ctx, 'PATCH', `/v1/admin/feedback/${feedback.id}`, {
      status: 'resolved',
    });
    expect(res.status).toBe(200);
    return feedback.id as string;
  }

  it('asks on a resolved thread until the customer answers, keeps one answer and shows it to the team', async () => {
    const threadId = await resolvedThread();
    const [asked] = await inboxOf(ctx, 'user-1');
    expect(asked?.resolution).toEqual({ resolvedAt: '2026-03-02T12:30:00.000Z', answered: false });

    ctx.clock.set('2026-03-02T13:00:00.000Z');
    const rating = message('resolution_rating', {
      userId: 'user-1',
      threadId,
      resolvedAt: '2026-03-02T12:30:00.000Z',
      score: 4,
      comment: 'Works now, <b>thanks</b>',
    });
    const first = await send(ctx.app, 'POST', '/v1/batch', { messages: [rating] });
    expect(first.body).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    // The outbox retrying the same message changes nothing.
    const replayed = await send(ctx.app, 'POST', '/v1/batch', { messages: [rating] });
    expect(replayed.body).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
    // A second answer to the same resolution (another tab, another device) is refused.
    const again = message('resolution_rating', {
      userId: 'user-1',
      threadId,
      resolvedAt: '2026-03-02T12:30:00.000Z',
      score: 1,
    });
    const second = await send(ctx.app, 'POST', '/v1/batch', { messages: [again] });
    expect(rejectedCodes(second.body)).toEqual(['conflict']);

    expect((await inboxOf(ctx, 'user-1'))[0]?.resolution?.answered).toBe(true);
    const thread = await asSecretKey(ctx, 'GET', `/v1/admin/feedback/${threadId}`);
    expect(thread.body.resolutionRating).toEqual({
      resolvedAt: '2026-03-02T12:30:00.000Z',
      score: 4,
      comment: 'Works now, <b>thanks</b>',
      createdAt: '2026-03-02T13:00:00.000Z',
    });
    // Rating does not reopen the thread; it is on the customer's timeline.
    expect(thread.body.item.status).toBe('resolved');
    const timeline = await asSecretKey(ctx, 'GET', '/v1/admin/customers/user-1/timeline');
    expect(timeline.body.items).toContainEqual(
      expect.objectContaining({
        kind: 'resolution_rating',
        id: rating.id,
        data: { feedbackId: threadId, score: 4, comment: 'Works now, <b>thanks</b>' },
      }),
    );
  });

  it('a dismissal answers the resolution without a score; resolving again asks again, once', async () => {
    const threadId = await resolvedThread();
    await ingest(ctx, [
      message('resolution_rating', {
        userId: 'user-1',
        threadId,
        resolvedAt: '2026-03-02T12:30:00.000Z',
      }),
    ]);
    expect((await inboxOf(ctx, 'user-1'))[0]?.resolution?.answered).toBe(true);
    const dismissed = await asSecretKey(ctx, 'GET', `/v1/admin/feedback/${threadId}`);
    expect(dismissed.body.resolutionRating).toMatchObject({ score: null, comment: null });

    // The team reopens the thread, then resolves it again the next day: a new resolution.
    await asSecretKey(ctx, 'PATCH', `/v1/admin/feedback/${threadId}`, { status: 'in_progress' });
    expect((await inboxOf(ctx, 'user-1'))[0]?.resolution).toBeUndefined();
    ctx.clock.set('2026-03-03T09:00:00.000Z');
    await asSecretKey(ctx, 'PATCH', `/v1/admin/feedback/${threadId}`, { status: 'resolved' });
    expect((await inboxOf(ctx, 'user-1'))[0]?.resolution).toEqual({
      resolvedAt: '2026-03-03T09:00:00.000Z',
      answered: false,
    });
    // An answer still naming the old resolution (it sat offline) is refused, the new one kept.
    const stale = message('resolution_rating', {
      userId: 'user-1',
      threadId,
      resolvedAt: '2026-03-02T12:30:00.000Z',
      score: 2,
    });
    const fresh = message('resolution_rating', {
      userId: 'user-1',
      threadId,
      resolvedAt: '2026-03-03T09:00:00.000Z',
      score: 5,
    });
    const res = await send(ctx.app, 'POST', '/v1/batch', { messages: [stale, fresh] });
    expect(res.body.accepted).toBe(1);
    expect(res.body.rejected).toEqual([
      expect.objectContaining({ id: stale.id, code: 'conflict' }),
    ]);
    const thread = await asSecretKey(ctx, 'GET', `/v1/admin/feedback/${threadId}`);
    expect(thread.body.resolutionRating).toMatchObject({
      resolvedAt: '2026-03-03T09:00:00.000Z',
      score: 5,
    });
  });

  it("refuses a rating of an open thread, of someone else's thread, or from a mere claim", async () => {
    const open = message('feedback', { userId: 'user-1', message: 'Still open' });
    await ingest(ctx, [open]);
    const threadId = await resolvedThread('user-1');
    const resolvedAt = '2026-03-02T12:30:00.000Z';
    const notResolved = message('resolution_rating', {
      userId: 'user-1',
      threadId: open.id,
      resolvedAt,
      score: 5,
    });
    const stranger = message('resolution_rating', {
      userId: 'user-2',
      threadId,
      resolvedAt,
      score: 1,
    });
    const claim = message('resolution_rating', {
      userId: 'user-1',
      userHash: undefined,
      threadId,
      resolvedAt,
      score: 1,
    });
    const outOfScale = message('resolution_rating', {
      userId: 'user-1',
      threadId,
      resolvedAt,
      score: 6,
    });
    // Year 0 has no PostgreSQL timestamp: refused before any SQL sees it, never a 500.
    const yearZero = message('resolution_rating', {
      userId: 'user-1',
      threadId,
      resolvedAt: '0000-01-01T00:00:00Z',
      score: 3,
    });
    const res = await send(ctx.app, 'POST', '/v1/batch', {
      messages: [notResolved, stranger, claim, outOfScale, yearZero],
    });
    expect([res.status, res.body.accepted]).toEqual([200, 0]);
    expect(res.body.rejected.map((r: { id: string; code: string }) => [r.id, r.code])).toEqual([
      [outOfScale.id, 'invalid_body'],
      [notResolved.id, 'conflict'],
      [stranger.id, 'not_found'],
      [claim.id, 'not_found'],
      [yearZero.id, 'conflict'],
    ]);
    expect(
      (await inboxOf(ctx, 'user-1')).find((t) => t.id === threadId)?.resolution?.answered,
    ).toBe(false);
  });

  it("rates an anonymous thread only with the browser's registered device secret", async () => {
    const feedback = message('feedback', { anonymousId: 'anon-7', deviceSecret: SECRET });
    await ingest(ctx, [feedback]);
    ctx.clock.set('2026-03-02T12:30:00.000Z');
    await asSecretKey(ctx, 'PATCH', `/v1/admin/feedback/${feedback.id}`, { status: 'resolved' });
    const fields = {
      anonymousId: 'anon-7',
      threadId: feedback.id,
      resolvedAt: '2026-03-02T12:30:00.000Z',
      score: 3,
    };
    const wrong = message('resolution_rating', { ...fields, deviceSecret: OTHER_SECRET });
    const right = message('resolution_rating', { ...fields, deviceSecret: SECRET });
    const res = await send(ctx.app, 'POST', '/v1/batch', { messages: [wrong, right] });
    expect(res.body.accepted).toBe(1);
    expect(rejectedCodes(res.body)).toEqual(['unauthorized']);
    const inbox = await send(ctx.app, 'GET', '/v1/inbox?anonymousId=anon-7', undefined, {
      headers: { 'x-rapport-device-secret': SECRET },
    });
    expect(inbox.body.threads[0].resolution).toEqual({
      resolvedAt: '2026-03-02T12:30:00.000Z',
      answered: true,
    });
  });

  it('is in the customer export, and leaves with the thread when the customer is erased', async () => {
    const threadId = await resolvedThread();
    const resolvedAt = '2026-03-02T12:30:00.000Z';
    await ingest(ctx, [
      message('resolution_rating', {
        userId: 'user-1',
        threadId,
        resolvedAt,
        score: 2,
        comment: 'Slow',
      }),
    ]);
    const exported = await asSecretKey(ctx, 'GET', '/v1/admin/customers/user-1/export');
    expect(exported.body.tables.resolution_ratings).toEqual([
      expect.objectContaining({ feedback_id: threadId, score: 2, comment: 'Slow' }),
    ]);
    const path = '/v1/admin/customers/user-1';
    expect((await asSecretKey(ctx, 'DELETE', path, { confirm: 'user-1' })).status).toBe(204);
    expect(await ctx.store.db.selectFrom('resolution_ratings').selectAll().execute()).toEqual([]);
  });
});

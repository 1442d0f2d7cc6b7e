import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { asSecretKey, ingest, userHashOf } from './helpers/inbox';
import { message, send } from './helpers/requests';
import { ORIGIN, useTestApp } from './helpers/test-app';

const SECRET = '0123456789abcdef0123456789abcdef';
const OTHER_SECRET = 'fedcba9876543210fedcba9876543210';
const HEADER = 'x-rapport-device-secret';

describe.each(databases)('anonymous threads on $name', (database) => {
  const ctx = useTestApp(database);

  function readAnonymous(anonymousId: string, secret?: string) {
    const headers: Record<string, string> = secret === undefined ? {} : { [HEADER]: secret };
    return send(ctx.app, 'GET', `/v1/inbox?anonymousId=${anonymousId}`, undefined, { headers });
  }

  function readUser(userId: string) {
    return send(ctx.app, 'GET', `/v1/inbox?userId=${userId}&userHash=${userHashOf(userId)}`);
  }

  it("shows a visitor their own threads and the team's replies with the device secret only", async () => {
    const feedback = message('feedback', {
      anonymousId: 'anon-1',
      message: 'Hi\nthere',
      deviceSecret: SECRET,
    });
    await ingest(ctx, [feedback]);
    await asSecretKey(ctx, 'POST', `/v1/admin/feedback/${feedback.id}/replies`, { body: 'Hello!' });

    const mine = await readAnonymous('anon-1', SECRET);
    expect(mine.status).toBe(200);
    expect(mine.body.threads).toHaveLength(1);
    expect(mine.body.threads[0]).toMatchObject({ message: 'Hi\nthere' });
    expect(mine.body.threads[0].replies[0]).toMatchObject({ author: 'team', body: 'Hello!' });

    for (const attempt of [
      await readAnonymous('anon-1'),
      await readAnonymous('anon-1', OTHER_SECRET),
      await readAnonymous('anon-1', 'short'),
      await readAnonymous('anon-unknown', SECRET),
    ]) {
      expect(attempt.status).toBe(401);
      expect(attempt.body).toEqual({
        error: { code: 'unauthorized', message: expect.any(String) },
      });
    }
  });

  it('lets a page on an allowed origin send the device secret header (CORS preflight)', async () => {
    const res = await ctx.app.request('/v1/inbox?anonymousId=anon-1&key=pk_test', {
      method: 'OPTIONS',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'GET',
        'access-control-request-headers': `authorization, ${HEADER}`,
      },
    });
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(HEADER);
  });

  it('keeps only a hash of the first secret: a different one sent later changes nothing', async () => {
    await ingest(ctx, [message('page', { anonymousId: 'anon-2', deviceSecret: SECRET })]);
    await ingest(ctx, [
      message('feedback', { anonymousId: 'anon-2', deviceSecret: OTHER_SECRET }),
      message('track', { anonymousId: 'anon-2', deviceSecret: OTHER_SECRET }),
    ]);
    const row = await ctx.store.db
      .selectFrom('customers')
      .select('device_secret_hash')
      .where('anonymous_id', '=', 'anon-2')
      .executeTakeFirstOrThrow();
    expect(row.device_secret_hash).toBe(createHash('sha256').update(SECRET).digest('hex'));
    expect((await readAnonymous('anon-2', OTHER_SECRET)).status).toBe(401);
    const owner = await readAnonymous('anon-2', SECRET);
    expect(owner.body.threads).toHaveLength(1);
  });

  it("moves the browser's threads to the user on a verified identify with the secret", async () => {
    const before = message('feedback', { anonymousId: 'anon-3', deviceSecret: SECRET });
    await ingest(ctx, [before]);
    // Another browser that only knows the anonymousId, signed in as its own user: moves nothing.
    await ingest(ctx, [
      message('identify', { anonymousId: 'anon-3', userId: 'mallory', deviceSecret: OTHER_SECRET }),
    ]);
    expect((await readUser('mallory')).body.threads).toEqual([]);
    // An unproven claim moves nothing either.
    await ingest(ctx, [
      message('identify', {
        anonymousId: 'anon-3',
        userId: 'ada',
        userHash: undefined,
        deviceSecret: SECRET,
      }),
    ]);
    expect((await readUser('ada')).body.threads).toEqual([]);

    await ingest(ctx, [
      message('identify', { anonymousId: 'anon-3', userId: 'ada', deviceSecret: SECRET }),
    ]);
    const ada = await readUser('ada');
    expect(ada.body.threads.map((t: { id: string }) => t.id)).toEqual([before.id]);
    // No longer anonymous: the browser reads it as the user now.
    expect((await readAnonymous('anon-3', SECRET)).body.threads).toEqual([]);
    const item = await asSecretKey(ctx, 'GET', `/v1/admin/feedback/${before.id}`);
    expect(item.body.item.userId).toBe('ada');
  });

  it('moves feedback sent in the same batch as the first identify of a new visitor', async () => {
    const feedback = message('feedback', { anonymousId: 'anon-4', deviceSecret: SECRET });
    await ingest(ctx, [
      feedback,
      message('identify', { anonymousId: 'anon-4', userId: 'grace', deviceSecret: SECRET }),
    ]);
    expect((await readUser('grace')).body.threads.map((t: { id: string }) => t.id)).toEqual([
      feedback.id,
    ]);
  });
});

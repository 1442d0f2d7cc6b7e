import { describe, expect, it } from 'vitest';
import { userHashOf } from '../src/identity';
import { databases } from './helpers/databases';
import { message, send } from './helpers/requests';
import { IDENTITY_SECRET, useTestApp } from './helpers/test-app';

const ADA = 'ada@example.com';
const GRACE = 'grace@example.com';
const adaHash = userHashOf(IDENTITY_SECRET, ADA);
const graceHash = userHashOf(IDENTITY_SECRET, GRACE);

describe.each(databases)('userHash on loyalty and inbox on $name', (database) => {
  const ctx = useTestApp(database);

  const cases: Array<[string, string]> = [
    ['no hash', `userId=${encodeURIComponent(ADA)}`],
    ['a wrong hash', `userId=${encodeURIComponent(ADA)}&userHash=${'0'.repeat(64)}`],
    ['a malformed hash', `userId=${encodeURIComponent(ADA)}&userHash=xyz`],
    ["another user's hash", `userId=${encodeURIComponent(ADA)}&userHash=${graceHash}`],
  ];

  for (const [label, query] of cases) {
    it(`refuses loyalty and inbox with ${label} (401)`, async () => {
      for (const path of ['/v1/loyalty', '/v1/inbox']) {
        const res = await send(ctx.app, 'GET', `${path}?${query}`);
        expect(res.status).toBe(401);
        expect(res.body.error.code).toBe('unauthorized');
      }
    });
  }

  it('refuses a redeem with another user’s hash (401)', async () => {
    const res = await send(ctx.app, 'POST', '/v1/loyalty/redeem', {
      id: 'r1',
      userId: ADA,
      userHash: graceHash,
      rewardId: 'any',
    });
    expect(res.status).toBe(401);
  });

  it('shows a user only their own threads, with the team’s replies', async () => {
    await send(ctx.app, 'POST', '/v1/batch', {
      messages: [
        message('feedback', { id: 'fb-ada', userId: ADA, message: 'Ada here' }),
        message('feedback', { id: 'fb-grace', userId: GRACE, message: 'Grace here' }),
      ],
    });
    await send(
      ctx.app,
      'POST',
      '/v1/admin/feedback/fb-ada/replies',
      { body: 'Thanks Ada!' },
      { key: 'sk_test' },
    );
    const inbox = await send(
      ctx.app,
      'GET',
      `/v1/inbox?userId=${encodeURIComponent(ADA)}&userHash=${adaHash}`,
    );
    expect(inbox.status).toBe(200);
    expect(inbox.body.threads).toHaveLength(1);
    expect(inbox.body.threads[0]).toMatchObject({ id: 'fb-ada', message: 'Ada here' });
    expect(inbox.body.threads[0].replies[0]).toMatchObject({ body: 'Thanks Ada!', author: 'team' });
  });
});

import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { eraseCustomer } from '../src/store/erase-customer';
import { earnPoints } from '../src/store/loyalty-ledger';
import { databases } from './helpers/databases';
import { asSecretKey, ingest } from './helpers/inbox';
import { message } from './helpers/requests';
import { useWebhookTestApp } from './helpers/webhook-app';
import { queuedEvents } from './helpers/webhook-deliveries';

const ACTOR = { kind: 'secret_key' } as const;

describe.each(databases)('what an erase reports, on $name', (database) => {
  const ctx = useWebhookTestApp(database);

  it('audits and returns the rows removed per table, and queues customer.erased with the user id', async () => {
    const endpoint = await asSecretKey(ctx, 'POST', '/v1/admin/webhooks', {
      url: 'http://127.0.0.1:9/hooks',
      events: ['customer.erased'],
    });
    expect(endpoint.status).toBe(201);
    await ingest(ctx, [
      message('identify', {
        userId: 'zoe',
        anonymousId: 'anon-z',
        traits: { email: 'zoe@x.test' },
      }),
      message('track', { anonymousId: 'anon-z', event: 'Opened' }),
      message('feedback', { anonymousId: 'anon-z', message: 'From her browser' }),
      // Left on another device with her email: hers too.
      message('feedback', { anonymousId: 'anon-k', message: 'From a kiosk', email: 'ZOE@x.test' }),
      // A claim without proof: a customer trait and an event property to strip, not delete.
      message('identify', { userId: 'zoe', userHash: undefined, anonymousId: 'anon-c' }),
    ]);
    await earnPoints(
      ctx.store.db,
      'proj_test',
      { id: 'e-1', userId: 'zoe', points: 50, reason: 'Welcome' },
      ctx.clock(),
    );

    const result = await eraseCustomer(ctx.store.db, 'proj_test', 'zoe', ACTOR, ctx.clock());
    const erased = {
      webhook_deliveries: 0,
      feedback: 2,
      events: 2,
      survey_responses: 0,
      customers: 1,
      user_traits: 1,
      loyalty_ledger: 1,
      redemptions: 0,
      loyalty_members: 1,
      claims: 2,
    };
    expect(result).toEqual({ eraseId: expect.stringMatching(/^erase_[0-9a-f-]{36}$/), erased });

    const { rows } = await sql<{ target: string; details: unknown }>`
      SELECT target, details FROM audit_log WHERE action = 'customer_erased'`.execute(ctx.store.db);
    expect(rows).toEqual([{ target: result?.eraseId, details: { erased } }]);
    expect(await queuedEvents(ctx.store)).toEqual([
      {
        type: 'customer.erased',
        endpointId: endpoint.body.id,
        status: 'pending',
        data: { projectId: 'proj_test', userId: 'zoe', eraseId: result?.eraseId },
      },
    ]);
  });

  it('erases a person who never gave an email, and answers undefined for one never seen', async () => {
    await ingest(ctx, [
      message('identify', { userId: 'yann', anonymousId: 'anon-y' }),
      message('feedback', { anonymousId: 'anon-y', message: 'No email here' }),
      message('feedback', { anonymousId: 'anon-o', message: 'Someone else' }),
    ]);
    const result = await eraseCustomer(ctx.store.db, 'proj_test', 'yann', ACTOR, ctx.clock());
    expect(result?.erased).toMatchObject({ feedback: 1, customers: 1, events: 1, claims: 0 });
    const left = await ctx.store.db.selectFrom('feedback').select('message').execute();
    expect(left).toEqual([{ message: 'Someone else' }]);
    expect(await eraseCustomer(ctx.store.db, 'proj_test', 'nobody', ACTOR, ctx.clock())).toBe(
      undefined,
    );
  });
});

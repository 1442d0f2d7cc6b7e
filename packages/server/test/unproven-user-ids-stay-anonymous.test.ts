import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { userHashOf } from '../src/identity';
import { databases } from './helpers/databases';
import { message, send } from './helpers/requests';
import { IDENTITY_SECRET, SK, useTestApp } from './helpers/test-app';

const VICTIM = 'demo-customer';
// Computed independently of the product's own helper: the published HMAC-SHA256 construction.
const VICTIM_HASH = userHashOf(IDENTITY_SECRET, VICTIM);
const WRONG_HASH = userHashOf('not-the-identity-secret', VICTIM);

describe.each(databases)('user ids without proof on $name', (database) => {
  const ctx = useTestApp(database);
  const batch = async (...messages: unknown[]) =>
    (await send(ctx.app, 'POST', '/v1/batch', { messages })).body;
  const inbox = async () =>
    (await send(ctx.app, 'GET', `/v1/inbox?userId=${VICTIM}&userHash=${VICTIM_HASH}`)).body;

  /** What a forger sends: the victim's user id and no hash, from the forger's own browser. */
  const forged = (type: string, fields: Record<string, unknown> = {}) =>
    message(type, { anonymousId: 'anon-forger', userId: VICTIM, userHash: undefined, ...fields });

  async function createSurvey() {
    const res = await send(
      ctx.app,
      'POST',
      '/v1/admin/surveys',
      { id: 'nps-1', name: 'NPS', type: 'nps', question: 'Recommend us?', recontactDays: 30 },
      { key: SK },
    );
    expect(res.status).toBe(201);
  }

  it('stores feedback, identify and survey answers without a hash as anonymous', async () => {
    await createSurvey();
    const result = await batch(
      forged('identify', { id: 'f-identify', traits: { plan: 'vip' } }),
      forged('feedback', { id: 'f-feedback', message: 'Refund me' }),
      forged('survey_response', { id: 'f-answer', timestamp: ctx.clock().toISOString() }),
    );
    expect(result).toMatchObject({ accepted: 3, rejected: [] });
    const owners = await sql<{ user_id: string | null }>`
      SELECT user_id FROM feedback UNION ALL SELECT user_id FROM survey_responses
      UNION ALL SELECT user_id FROM events UNION ALL SELECT user_id FROM customers`.execute(
      ctx.store.db,
    );
    expect(owners.rows.map((row) => row.user_id)).toEqual([null, null, null, null]);
    const customer = await ctx.store.db
      .selectFrom('customers')
      .select('traits')
      .where('anonymous_id', '=', 'anon-forger')
      .executeTakeFirstOrThrow();
    expect(customer.traits).toEqual({ plan: 'vip', claimedUserId: VICTIM });
    // Not merged into the victim's inbox, survey history or timeline.
    expect((await inbox()).threads).toEqual([]);
    const eligible = await send(
      ctx.app,
      'GET',
      `/v1/surveys/eligible?anonymousId=a9&userId=${VICTIM}`,
    );
    expect(eligible.body.surveys.map((s: { id: string }) => s.id)).toEqual(['nps-1']);
    const timeline = await send(
      ctx.app,
      'GET',
      `/v1/admin/customers/${VICTIM}/timeline`,
      undefined,
      { key: SK },
    );
    expect(JSON.stringify(timeline.body)).not.toContain('Refund me');
  });

  it('rejects a wrong hash on any message type as unauthorized and stores nothing', async () => {
    const types = ['identify', 'feedback', 'track', 'page'];
    const result = await batch(
      ...types.map((type) => forged(type, { id: `wrong-${type}`, userHash: WRONG_HASH })),
    );
    expect(result.accepted).toBe(0);
    expect(result.rejected.map((r: { id: string; code: string }) => [r.id, r.code])).toEqual(
      types.map((type) => [`wrong-${type}`, 'unauthorized']),
    );
    const stored = await sql<{ n: string }>`
      SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM feedback) AS n`.execute(
      ctx.store.db,
    );
    expect(Number(stored.rows[0]?.n)).toBe(0);
  });

  it('gives a message with a valid hash to the user', async () => {
    await batch(
      message('identify', { anonymousId: 'anon-real', userId: VICTIM, userHash: VICTIM_HASH }),
      message('feedback', {
        id: 'real-feedback',
        anonymousId: 'anon-real',
        userId: VICTIM,
        userHash: VICTIM_HASH,
        message: 'Where is my parcel?',
      }),
    );
    expect((await inbox()).threads.map((t: { id: string }) => t.id)).toEqual(['real-feedback']);
    const customer = await ctx.store.db
      .selectFrom('customers')
      .select(['user_id', 'traits'])
      .where('anonymous_id', '=', 'anon-real')
      .executeTakeFirstOrThrow();
    expect(customer).toEqual({ user_id: VICTIM, traits: {} });
  });

  it('refuses every unproven user id when the project requires identity verification', async () => {
    await sql`UPDATE projects SET settings = settings || '{"identityVerificationRequired": true}'
      WHERE id = 'proj_test'`.execute(ctx.store.db);
    const result = await batch(
      forged('feedback', { id: 'req-forged' }),
      message('feedback', { id: 'req-anonymous', anonymousId: 'anon-guest' }),
      message('feedback', { id: 'req-proven', userId: VICTIM, userHash: VICTIM_HASH }),
    );
    expect(result.accepted).toBe(2);
    expect(result.rejected).toEqual([
      { id: 'req-forged', code: 'unauthorized', message: expect.stringMatching(/userHash/) },
    ]);
  });
});

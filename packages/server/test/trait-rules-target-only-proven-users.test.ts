import { describe, expect, it } from 'vitest';
import { userHashOf } from '../src/identity';
import { databases } from './helpers/databases';
import { message, send } from './helpers/requests';
import { IDENTITY_SECRET, SK, useTestApp } from './helpers/test-app';

type App = Parameters<typeof send>[0];

const PRO = { match: 'all', rules: [{ trait: 'plan', op: 'eq', value: 'pro' }] };

async function createSurvey(app: App, id: string, traits: unknown) {
  const res = await send(
    app,
    'POST',
    '/v1/admin/surveys',
    { id, name: id, type: 'nps', question: 'Recommend us?', targeting: { traits } },
    { key: SK },
  );
  expect(res.status).toBe(201);
}

async function identify(app: App, fields: Record<string, unknown>) {
  const res = await send(app, 'POST', '/v1/batch', { messages: [message('identify', fields)] });
  expect(res.status).toBe(200);
}

/** What the browser `anonymousId` is offered, as `userId` with `userHash` (or none). */
async function offered(app: App, anonymousId: string, userId?: string, userHash?: string) {
  const query = new URLSearchParams({ anonymousId });
  if (userId) query.set('userId', userId);
  if (userHash) query.set('userHash', userHash);
  const res = await send(app, 'GET', `/v1/surveys/eligible?${query}`);
  expect(res.status).toBe(200);
  return res.body.surveys.map((s: { id: string }) => s.id).sort();
}

const proof = (userId: string) => userHashOf(IDENTITY_SECRET, userId);

describe.each(databases)('trait targeting on $name', (database) => {
  const ctx = useTestApp(database);

  it('shows a plan = pro survey to a verified pro user, not to a free user nor to a claimed pro', async () => {
    await createSurvey(ctx.app, 'pro-only', PRO);
    await identify(ctx.app, { anonymousId: 'a-pro', userId: 'ana', traits: { plan: 'pro' } });
    await identify(ctx.app, { anonymousId: 'a-free', userId: 'ben', traits: { plan: 'free' } });
    // A visitor who claims to be pro, without a hash: stored as an unverified trait only.
    await identify(ctx.app, {
      anonymousId: 'a-claim',
      userId: 'cleo',
      userHash: undefined,
      traits: { plan: 'pro' },
    });
    // Someone else's browser claims Ben is pro: Ben's verified traits do not change.
    await identify(ctx.app, {
      anonymousId: 'a-x',
      userId: 'ben',
      userHash: undefined,
      traits: { plan: 'pro' },
      timestamp: '2026-03-02T11:30:00.000Z',
    });

    expect(await offered(ctx.app, 'a-pro', 'ana', proof('ana'))).toEqual(['pro-only']);
    expect(await offered(ctx.app, 'a-free', 'ben', proof('ben'))).toEqual([]);
    expect(await offered(ctx.app, 'a-claim', 'cleo')).toEqual([]);
    expect(await offered(ctx.app, 'a-claim')).toEqual([]);
    // Ana's id without her proof, or with a wrong one, is a claim too; it is not an error.
    expect(await offered(ctx.app, 'a-pro', 'ana')).toEqual([]);
    expect(await offered(ctx.app, 'a-pro', 'ana', proof('ben'))).toEqual([]);
    // A user proven on another device gets the traits her backend vouched for.
    expect(await offered(ctx.app, 'a-new-phone', 'ana', proof('ana'))).toEqual(['pro-only']);
  });

  it('applies each operator with its documented typing', async () => {
    const rule = (trait: string, op: string, value?: unknown) => ({
      match: 'all',
      rules: [value === undefined ? { trait, op } : { trait, op, value }],
    });
    const cases: Array<[string, unknown, boolean]> = [
      ['eq-string', rule('plan', 'eq', 'pro'), true],
      ['eq-no-conversion', rule('seats', 'eq', '12'), false],
      ['eq-number', rule('seats', 'eq', 12), true],
      ['eq-boolean', rule('beta', 'eq', true), true],
      ['neq-other', rule('plan', 'neq', 'free'), true],
      ['neq-same', rule('plan', 'neq', 'pro'), false],
      ['neq-missing', rule('country', 'neq', 'fr'), false],
      ['in-listed', rule('plan', 'in', ['team', 'pro']), true],
      ['in-unlisted', rule('plan', 'in', ['free', 'team']), false],
      ['contains-substring', rule('company', 'contains', 'Acme'), true],
      ['contains-case', rule('company', 'contains', 'acme'), false],
      ['contains-member', rule('tags', 'contains', 'beta'), true],
      ['contains-no-member', rule('tags', 'contains', 'be'), false],
      ['gt-yes', rule('seats', 'gt', 10), true],
      ['gt-equal', rule('seats', 'gt', 12), false],
      ['gt-numeric-string', rule('score', 'gt', 40), true],
      ['gt-not-a-number', rule('plan', 'gt', 1), false],
      ['lt-yes', rule('seats', 'lt', 20), true],
      ['lt-no', rule('seats', 'lt', 12), false],
      ['exists-set', rule('plan', 'exists'), true],
      ['exists-unset', rule('country', 'exists'), false],
      ['exists-false', rule('country', 'exists', false), true],
      ['exists-null', rule('cancelledAt', 'exists'), false],
      [
        'all-one-fails',
        {
          match: 'all',
          rules: [
            { trait: 'plan', op: 'eq', value: 'pro' },
            { trait: 'seats', op: 'gt', value: 100 },
          ],
        },
        false,
      ],
      [
        'any-one-holds',
        {
          match: 'any',
          rules: [
            { trait: 'plan', op: 'eq', value: 'free' },
            { trait: 'seats', op: 'gt', value: 10 },
          ],
        },
        true,
      ],
      [
        'any-none-holds',
        {
          match: 'any',
          rules: [
            { trait: 'plan', op: 'eq', value: 'free' },
            { trait: 'seats', op: 'gt', value: 100 },
          ],
        },
        false,
      ],
    ];
    for (const [id, traits] of cases) await createSurvey(ctx.app, id, traits);
    await identify(ctx.app, {
      anonymousId: 'a-1',
      userId: 'ana',
      traits: {
        plan: 'pro',
        seats: 12,
        beta: true,
        company: 'Acme Corp',
        tags: ['beta', 'eu'],
        score: '42',
        cancelledAt: null,
      },
    });
    const expected = cases.filter(([, , shown]) => shown).map(([id]) => id);
    expect(await offered(ctx.app, 'a-1', 'ana', proof('ana'))).toEqual(expected.sort());
  });

  it('merges verified traits in message-time order, so a late older identify rolls nothing back', async () => {
    await createSurvey(ctx.app, 'pro-only', PRO);
    await identify(ctx.app, {
      anonymousId: 'a-1',
      userId: 'ana',
      traits: { plan: 'free' },
      timestamp: '2026-03-02T11:50:00.000Z',
    });
    // Queued offline, older: it fills keys still missing but does not undo the downgrade.
    await identify(ctx.app, {
      anonymousId: 'a-2',
      userId: 'ana',
      traits: { plan: 'pro', seats: 3 },
      timestamp: '2026-03-02T11:00:00.000Z',
    });
    expect(await offered(ctx.app, 'a-1', 'ana', proof('ana'))).toEqual([]);
    await identify(ctx.app, {
      anonymousId: 'a-1',
      userId: 'ana',
      traits: { plan: 'pro' },
      timestamp: '2026-03-02T11:55:00.000Z',
    });
    expect(await offered(ctx.app, 'a-1', 'ana', proof('ana'))).toEqual(['pro-only']);
  });

  it('refuses malformed rules on create and update with 400 invalid_body', async () => {
    const bad: unknown[] = [
      { match: 'all', rules: [{ trait: 'seats', op: 'gt', value: '10' }] },
      { match: 'all', rules: [{ trait: 'plan', op: 'in', value: [] }] },
      { match: 'all', rules: [{ trait: 'plan', op: 'in', value: 'pro' }] },
      { match: 'all', rules: [{ trait: 'plan', op: 'like', value: 'pro' }] },
      { match: 'some', rules: [{ trait: 'plan', op: 'eq', value: 'pro' }] },
      { match: 'all', rules: [] },
      { match: 'all', rules: [{ trait: '', op: 'eq', value: 'pro' }] },
      { match: 'all', rules: [{ trait: 'tags', op: 'contains', value: 3 }] },
    ];
    for (const traits of bad) {
      const res = await send(
        ctx.app,
        'POST',
        '/v1/admin/surveys',
        { name: 'X', type: 'nps', question: 'Q?', targeting: { traits } },
        { key: SK },
      );
      expect([JSON.stringify(traits), res.status, res.body.error.code]).toEqual([
        JSON.stringify(traits),
        400,
        'invalid_body',
      ]);
      expect(res.body.error.message).toMatch(/targeting\.traits/);
    }
    await createSurvey(ctx.app, 'pro-only', PRO);
    const patch = await send(
      ctx.app,
      'PATCH',
      '/v1/admin/surveys/pro-only',
      { targeting: { traits: { rules: [{ trait: 'seats', op: 'lt', value: 'many' }] } } },
      { key: SK },
    );
    expect(patch.status).toBe(400);
    expect(patch.body.error.code).toBe('invalid_body');
    // `match` defaults to all.
    const ok = await send(
      ctx.app,
      'PATCH',
      '/v1/admin/surveys/pro-only',
      { targeting: { traits: { rules: [{ trait: 'plan', op: 'exists' }] } } },
      { key: SK },
    );
    expect(ok.status).toBe(200);
    expect(ok.body.targeting.traits).toEqual({
      match: 'all',
      rules: [{ trait: 'plan', op: 'exists', value: true }],
    });
  });
});

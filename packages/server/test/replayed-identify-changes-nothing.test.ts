import { describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { message, send } from './helpers/requests';
import { useTestApp } from './helpers/test-app';

const ANON = 'anon-replay';

describe.each(databases)('replayed and late identifies on $name', (database) => {
  const ctx = useTestApp(database);
  const batch = async (...messages: unknown[]) =>
    (await send(ctx.app, 'POST', '/v1/batch', { messages })).body;
  const customer = () =>
    ctx.store.db
      .selectFrom('customers')
      .select(['user_id', 'traits'])
      .where('anonymous_id', '=', ANON)
      .executeTakeFirstOrThrow();
  const identify = (id: string, userId: string, minute: number, traits: object) =>
    message('identify', {
      id,
      anonymousId: ANON,
      userId,
      traits,
      timestamp: `2026-03-02T10:${String(minute).padStart(2, '0')}:00.000Z`,
    });

  it('answers a replayed identify as a duplicate and changes neither user nor traits', async () => {
    const first = identify('id-ada', 'ada', 1, { plan: 'free', name: 'Ada' });
    await batch(first);
    await batch(identify('id-grace', 'grace', 2, { plan: 'pro' }));
    const replay = await batch(first);
    expect(replay).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(await customer()).toEqual({ user_id: 'grace', traits: { plan: 'pro', name: 'Ada' } });
  });

  it('ignores a replay sent beside a new message in the same batch', async () => {
    const first = identify('id-ada', 'ada', 1, { plan: 'free' });
    await batch(first);
    await batch(identify('id-grace', 'grace', 2, { plan: 'pro' }));
    const mixed = await batch(
      first,
      message('page', { anonymousId: ANON, timestamp: '2026-03-02T10:05:00.000Z' }),
    );
    expect(mixed).toMatchObject({ accepted: 1, duplicates: 1 });
    expect(await customer()).toEqual({ user_id: 'grace', traits: { plan: 'pro' } });
  });

  it('lets the latest identify by message time win, whatever the arrival order', async () => {
    await batch(identify('late-2', 'grace', 2, { plan: 'pro' }));
    // Sent while offline an hour ago, delivered now: a new id, but older than what is stored.
    await batch(identify('late-1', 'ada', 1, { plan: 'free', locale: 'en' }));
    expect(await customer()).toEqual({ user_id: 'grace', traits: { plan: 'pro', locale: 'en' } });
    await batch(identify('late-3', 'ada', 3, { plan: 'team' }));
    expect(await customer()).toEqual({ user_id: 'ada', traits: { plan: 'team', locale: 'en' } });
  });

  it('orders identifies within one batch by message time, not position', async () => {
    await batch(
      identify('in-a', 'carol', 3, { plan: 'team' }),
      identify('in-b', 'ada', 1, { plan: 'free', locale: 'de' }),
      identify('in-c', 'grace', 2, { plan: 'pro' }),
    );
    expect(await customer()).toEqual({ user_id: 'carol', traits: { plan: 'team', locale: 'de' } });
  });
});

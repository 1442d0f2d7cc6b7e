import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { asSecretKey } from './helpers/inbox';
import { useTestApp } from './helpers/test-app';

const EVENTS = 1200;
const RESPONSES = 1050;

describe.each(databases)('customer timeline pagination on $name', (database) => {
  const ctx = useTestApp(database);

  /**
   * 1,200 events (half from a browser linked to ada only by identify) and 1,050 survey
   * responses, three to a minute so entries share timestamps within and across sources, plus
   * another customer's rows that must never appear.
   */
  async function seed() {
    const { db } = ctx.store;
    await sql`INSERT INTO customers (project_id, anonymous_id, user_id, traits, first_seen_at, last_seen_at)
      VALUES ('proj_test', 'anon-a', 'ada', '{}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
             ('proj_test', 'anon-b', 'bob', '{}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`.execute(
      db,
    );
    await sql`INSERT INTO events (project_id, id, type, anonymous_id, user_id, name, properties,
        occurred_at, received_at)
      SELECT 'proj_test', 'e-' || lpad(i::text, 4, '0'), 'track',
        CASE WHEN i % 2 = 0 THEN 'anon-a' ELSE 'anon-other' END,
        CASE WHEN i % 2 = 0 THEN NULL ELSE 'ada' END, 'Clicked', '{}',
        timestamptz '2026-01-01T00:00:00Z' + (i / 3) * interval '1 minute', now()
      FROM generate_series(0, ${EVENTS - 1}) AS i`.execute(db);
    await sql`INSERT INTO survey_responses (project_id, id, survey_id, anonymous_id, user_id, score,
        created_at)
      SELECT 'proj_test', 'r-' || lpad(i::text, 4, '0'), 'nps-1', 'anon-x', 'ada', i % 11,
        timestamptz '2026-01-01T00:00:00Z' + (i / 3) * interval '1 minute'
      FROM generate_series(0, ${RESPONSES - 1}) AS i`.execute(db);
    await sql`INSERT INTO events (project_id, id, type, anonymous_id, user_id, name, properties,
        occurred_at, received_at)
      SELECT 'proj_test', 'bob-' || i, 'track', 'anon-b', 'bob', 'Clicked', '{}',
        timestamptz '2026-01-01T00:00:00Z' + i * interval '1 minute', now()
      FROM generate_series(0, 99) AS i`.execute(db);
  }

  it('pages through every entry newest first, past 1,000 rows per source, with no repeat or gap', async () => {
    await seed();
    const seen: Array<{ kind: string; id: string; at: string }> = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await asSecretKey(
        ctx,
        'GET',
        `/v1/admin/customers/ada/timeline?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status, res.text).toBe(200);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
      pages += 1;
      expect(pages).toBeLessThan(50);
    } while (cursor);
    const expected = [
      ...Array.from({ length: EVENTS }, (_, i) => `track:e-${String(i).padStart(4, '0')}`),
      ...Array.from(
        { length: RESPONSES },
        (_, i) => `survey_response:r-${String(i).padStart(4, '0')}`,
      ),
    ];
    const keys = seen.map((entry) => `${entry.kind}:${entry.id}`);
    expect(keys).toHaveLength(EVENTS + RESPONSES);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual([...expected].sort());
    expect(pages).toBe(Math.ceil((EVENTS + RESPONSES) / 100));
    for (let i = 1; i < seen.length; i += 1) {
      expect((seen[i - 1] as { at: string }).at >= (seen[i] as { at: string }).at).toBe(true);
    }
    expect(seen[0]).toMatchObject({ at: '2026-01-01T06:39:00.000Z' });
    expect(seen.at(-1)).toMatchObject({ at: '2026-01-01T00:00:00.000Z' });
  });

  it('answers 400 for a bad cursor or limit and an empty page for an unknown user', async () => {
    await seed();
    expect(
      (await asSecretKey(ctx, 'GET', '/v1/admin/customers/ada/timeline?cursor=nope')).status,
    ).toBe(400);
    expect(
      (await asSecretKey(ctx, 'GET', '/v1/admin/customers/ada/timeline?limit=500')).status,
    ).toBe(400);
    const none = await asSecretKey(ctx, 'GET', '/v1/admin/customers/nobody/timeline');
    expect(none.body).toEqual({ items: [] });
  });
});

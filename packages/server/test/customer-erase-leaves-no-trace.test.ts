import { sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import type { Store } from '../src/store/index';
import { earnPoints, redeemReward } from '../src/store/loyalty-ledger';
import { createReward } from '../src/store/loyalty-program';
import { databases } from './helpers/databases';
import { addTeammate, asSecretKey, ingest, teammateApp, userHashOf } from './helpers/inbox';
import { message, send } from './helpers/requests';
import { useTestApp } from './helpers/test-app';

const ADA = 'ada-lovelace-1815';
const EMAIL = 'ada.lovelace@example.com';
const FEEDBACK_TEXT = 'Unforgettable-analytical-engine-remark';
/** Strings that identify Ada; none may survive an erase anywhere in the database. */
const PERSONAL = [
  ADA,
  EMAIL,
  FEEDBACK_TEXT,
  'anon-ada-1',
  'anon-ada-2',
  'Ada-comment-xyz',
  'Ada-reason-xyz',
  'Countess',
];
// The scan reads every text column of every table: seconds on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 9, minute)).toISOString();

/** Every text-like column of every table in the store's schema, found generically. */
async function textColumns(store: Store) {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    SELECT c.table_name, c.column_name FROM information_schema.columns c
    JOIN information_schema.tables t
      ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
      AND c.data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY', 'tsvector')
    ORDER BY 1, 2`.execute(store.db);
  return rows;
}

/** `table.column ~ needle` for each cell that contains one of the strings (case-insensitively). */
async function cellsHolding(store: Store, needles: string[]) {
  const found: string[] = [];
  for (const { table_name, column_name } of await textColumns(store)) {
    const cell = sql`CAST(${sql.ref(column_name)} AS text)`;
    const columns = needles.map(
      (needle, index) => sql`bool_or(${cell} ILIKE ${`%${needle}%`}) AS ${sql.ref(`n${index}`)}`,
    );
    const { rows } = await sql<Record<string, boolean | null>>`
      SELECT ${sql.join(columns)} FROM ${sql.table(table_name)}`.execute(store.db);
    needles.forEach((needle, index) => {
      if (rows[0]?.[`n${index}`]) found.push(`${table_name}.${column_name} ~ ${needle}`);
    });
  }
  return found;
}

describe.each(databases)('customer export and erase on $name', (database) => {
  const ctx = useTestApp(database);
  const ada = (anonymousId: string) => ({ userId: ADA, anonymousId, userHash: userHashOf(ADA) });

  async function seed() {
    ctx.clock.set('2026-03-02T00:00:00.000Z');
    await asSecretKey(ctx, 'POST', '/v1/admin/surveys', {
      id: 'nps-1',
      name: 'NPS',
      type: 'nps',
      question: 'Recommend?',
    });
    await ingest(ctx, [
      // Before identify: only the browser links this page to Ada.
      message('page', {
        id: 'm1',
        anonymousId: 'anon-ada-1',
        timestamp: at(0),
        url: 'https://shop.example/pricing',
      }),
      message('identify', {
        ...ada('anon-ada-1'),
        id: 'm2',
        timestamp: at(1),
        traits: { email: EMAIL, title: 'Countess' },
      }),
      message('identify', { ...ada('anon-ada-2'), id: 'm3', timestamp: at(2) }),
      message('track', {
        ...ada('anon-ada-2'),
        id: 'm4',
        timestamp: at(3),
        event: 'Ordered',
        properties: { note: 'Countess order' },
      }),
      message('feedback', {
        ...ada('anon-ada-2'),
        id: 'm5',
        timestamp: at(4),
        message: `${FEEDBACK_TEXT} about checkout`,
        email: EMAIL,
      }),
      message('survey_response', {
        ...ada('anon-ada-2'),
        id: 'm6',
        timestamp: at(5),
        surveyId: 'nps-1',
        score: 0,
        comment: 'Ada-comment-xyz',
      }),
      // A browser that claims to be Ada without proof: the claim is personal data too.
      message('identify', {
        id: 'm7',
        anonymousId: 'anon-stranger',
        userId: ADA,
        // message() signs a userId unless told not to.
        userHash: undefined,
        timestamp: at(6),
      }),
      // Feedback from another device with her email identifies her as well.
      message('feedback', {
        id: 'm8',
        anonymousId: 'anon-cafe',
        timestamp: at(7),
        message: 'Sent from the café',
        email: EMAIL.toUpperCase(),
      }),
      // Other customers, whose rows and answers must stay.
      message('identify', {
        id: 'm9',
        anonymousId: 'anon-bob',
        userId: 'bob',
        userHash: userHashOf('bob'),
        timestamp: at(8),
      }),
      message('survey_response', {
        id: 'm10',
        anonymousId: 'anon-bob',
        userId: 'bob',
        userHash: userHashOf('bob'),
        timestamp: at(9),
        surveyId: 'nps-1',
        score: 10,
      }),
      message('survey_response', {
        id: 'm11',
        anonymousId: 'anon-eve',
        timestamp: at(10),
        surveyId: 'nps-1',
        score: 9,
      }),
      message('feedback', {
        id: 'm12',
        anonymousId: 'anon-bob',
        userId: 'bob',
        userHash: userHashOf('bob'),
        timestamp: at(11),
        message: 'Bob likes it',
      }),
    ]);
    ctx.clock.set(at(20));
    await asSecretKey(ctx, 'POST', '/v1/admin/feedback/m5/replies', { body: 'Thanks Ada!' });
    await asSecretKey(ctx, 'POST', '/v1/admin/feedback/m5/notes', { body: 'Ada is a VIP' });
    await asSecretKey(ctx, 'PUT', '/v1/admin/feedback/m5/tags', { tags: ['vip'] });
    await earnPoints(
      ctx.store.db,
      'proj_test',
      { id: 'l1', userId: ADA, points: 500, reason: 'Ada-reason-xyz' },
      new Date(at(21)),
    );
    await createReward(
      ctx.store.db,
      'proj_test',
      { id: 'mug', name: 'Mug', cost: 100, active: true },
      new Date(at(21)),
    );
    await redeemReward(
      ctx.store.db,
      'proj_test',
      { id: 'x1', userId: ADA, rewardId: 'mug' },
      new Date(at(22)),
    );
  }

  it('exports every stored row about the person, from every table that has one', async () => {
    await seed();
    const res = await asSecretKey(ctx, 'GET', `/v1/admin/customers/${ADA}/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+\.json"$/);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const exported = res.body;
    expect(exported).toMatchObject({
      userId: ADA, // Not anon-stranger: an unproven claim links nothing, and exporting that browser's rows
      // would hand a stranger's data to the person they claimed to be.
      anonymousIds: ['anon-ada-1', 'anon-ada-2'],
    });
    const browsers: string[] = exported.anonymousIds;
    // Generic: any table with a user_id or anonymous_id column holding Ada's rows must be in
    // the export with all of them, so a table added later cannot be forgotten.
    const { rows } = await sql<{ table_name: string }>`
      SELECT DISTINCT table_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND column_name IN ('user_id', 'anonymous_id')`.execute(
      ctx.store.db,
    );
    for (const { table_name } of rows) {
      const columns = await sql<{
        column_name: string;
      }>`SELECT column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = ${table_name}`.execute(ctx.store.db);
      const names = columns.rows.map((row) => row.column_name);
      const conditions = [
        ...(names.includes('user_id') ? [sql`user_id = ${ADA}`] : []),
        ...(names.includes('anonymous_id') ? [sql`anonymous_id IN (${sql.join(browsers)})`] : []),
      ];
      const count = await sql<{ n: unknown }>`SELECT count(*) AS n FROM ${sql.table(table_name)}
        WHERE ${sql.join(conditions, sql` OR `)}`.execute(ctx.store.db);
      const stored = Number(count.rows[0]?.n);
      // At least those rows (feedback also includes what was sent with her email elsewhere).
      const listed = exported.tables[table_name]?.length ?? 0;
      if (stored > 0) expect([table_name, listed >= stored]).toEqual([table_name, true]);
    }
    const counts = Object.fromEntries(
      Object.entries(exported.tables).map(([table, rows]) => [table, (rows as unknown[]).length]),
    );
    expect(counts).toMatchObject({
      feedback_replies: 1,
      feedback_notes: 1,
      // Her thread's tag, and `detractor` on the thread her NPS 0 opened (m6).
      feedback_tags: 2,
      loyalty_members: 1,
      // The earn and the redemption's entry.
      loyalty_ledger: 2,
      redemptions: 1,
    });
    // Her thread, the detractor thread of her NPS answer, and the feedback another device sent
    // with her email (which erase takes too).
    expect(exported.tables.feedback.map((row: { id: string }) => row.id).sort()).toEqual([
      'm5',
      'm6',
      'm8',
    ]);
    expect(exported.tables.feedback.find((row: { id: string }) => row.id === 'm5')).toMatchObject({
      email: EMAIL,
    });
    expect(exported.tables.feedback[0]).not.toHaveProperty('search');
    expect(exported.tables.feedback[1]).not.toHaveProperty('search');
    expect(exported.tables.feedback_notes[0]).toMatchObject({ body: 'Ada is a VIP' });
    expect(exported.tables.events.map((row: { id: string }) => row.id)).toEqual(
      expect.arrayContaining(['m1', 'm2', 'm3', 'm4']),
    );
    expect((await asSecretKey(ctx, 'GET', '/v1/admin/customers/nobody/export')).status).toBe(404);
  });

  it('erases every trace of the person, recomputes the NPS from what remains, and 404s the second time', async () => {
    await seed();
    const before = await asSecretKey(ctx, 'GET', '/v1/admin/nps?surveyId=nps-1');
    expect(before.body).toMatchObject({ nps: 33, responses: 3, detractors: 1, promoters: 2 });
    expect((await cellsHolding(ctx.store, PERSONAL)).length).toBeGreaterThan(0);

    const path = `/v1/admin/customers/${ADA}`;
    expect((await asSecretKey(ctx, 'DELETE', path)).status).toBe(400);
    const wrong = await asSecretKey(ctx, 'DELETE', path, { confirm: 'ada' });
    expect([wrong.status, wrong.body.error.code]).toEqual([400, 'invalid_body']);
    const admin = teammateApp(ctx, await addTeammate(ctx.store, 'u-admin', 'Alan', 'admin'));
    const refused = await admin('DELETE', path, { confirm: ADA });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'forbidden']);
    expect(refused.body.error.message).toMatch(/owner/);

    const owner = teammateApp(ctx, await addTeammate(ctx.store, 'u-owner', 'Olive', 'owner'));
    const erased = await owner('DELETE', path, { confirm: ADA });
    expect(erased.status).toBe(204);

    expect(await cellsHolding(ctx.store, PERSONAL)).toEqual([]);
    const after = await asSecretKey(ctx, 'GET', '/v1/admin/nps?surveyId=nps-1');
    expect(after.body).toMatchObject({ nps: 100, responses: 2, detractors: 0, promoters: 2 });
    const list = await asSecretKey(ctx, 'GET', '/v1/admin/feedback');
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual(['m12']);
    expect((await asSecretKey(ctx, 'GET', '/v1/admin/customers/bob')).status).toBe(200);
    const inbox = await send(ctx.app, 'GET', `/v1/inbox?userId=${ADA}&userHash=${userHashOf(ADA)}`);
    expect(inbox.body.threads).toEqual([]);

    const audit = await sql<{ action: string; target: string; actor_user_id: string }>`
      SELECT action, target, actor_user_id FROM audit_log WHERE action = 'customer_erased'`.execute(
      ctx.store.db,
    );
    expect(audit.rows).toEqual([
      {
        action: 'customer_erased',
        target: expect.stringMatching(/^erase_[0-9a-f-]{36}$/),
        actor_user_id: 'u-owner',
      },
    ]);

    const again = await owner('DELETE', path, { confirm: ADA });
    expect([again.status, again.body.error.code]).toEqual([404, 'not_found']);
    expect((await asSecretKey(ctx, 'GET', path)).status).toBe(404);
    expect((await asSecretKey(ctx, 'GET', `${path}/export`)).status).toBe(404);
  });
});

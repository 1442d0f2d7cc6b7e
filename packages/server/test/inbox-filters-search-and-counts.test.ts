import { describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { addTeammate, asSecretKey, ingest, teammateApp, userHashOf } from './helpers/inbox';
import { message, send } from './helpers/requests';
import { OTHER_PK, useTestApp } from './helpers/test-app';

const FEEDBACK = [
  {
    id: 'fb-1',
    timestamp: '2026-03-01T09:00:00.000Z',
    category: 'bug',
    message: 'The checkout button is broken on Safari',
    email: 'ada@example.com',
    userId: 'ada',
    userHash: userHashOf('ada'),
  },
  {
    id: 'fb-2',
    timestamp: '2026-03-02T09:00:00.000Z',
    category: 'idea',
    message: 'Please add a dark mode',
  },
  {
    id: 'fb-3',
    timestamp: '2026-03-03T09:00:00.000Z',
    category: 'praise',
    message: 'Love the new checkout flow',
    email: 'bob@shop.io',
  },
  {
    id: 'fb-4',
    timestamp: '2026-03-04T09:00:00.000Z',
    category: 'bug',
    message: 'Données perdues après le paiement',
  },
  {
    id: 'fb-5',
    timestamp: '2026-03-05T09:00:00.000Z',
    category: 'question',
    message: 'How do I export my invoices?',
    email: 'Ada@Example.com',
  },
];

describe.each(databases)('inbox filters, search and counts on $name', (database) => {
  const ctx = useTestApp(database);

  async function seed() {
    ctx.clock.set('2026-03-10T00:00:00.000Z');
    await ingest(
      ctx,
      FEEDBACK.map((fields) => message('feedback', fields)),
    );
    // The same words in another project must never show up here.
    const other = await send(
      ctx.app,
      'POST',
      '/v1/batch',
      { messages: [message('feedback', { id: 'other-1', message: 'checkout broken' })] },
      { key: OTHER_PK, origin: 'https://other.example' },
    );
    expect(other.body.accepted).toBe(1);
    const u1 = await addTeammate(ctx.store, 'u1', 'Uma', 'member');
    expect(
      (await asSecretKey(ctx, 'PATCH', '/v1/admin/feedback/fb-3', { status: 'resolved' })).status,
    ).toBe(200);
    expect(
      (await asSecretKey(ctx, 'PATCH', '/v1/admin/feedback/fb-4', { status: 'in_progress' }))
        .status,
    ).toBe(200);
    expect(
      (await asSecretKey(ctx, 'PATCH', '/v1/admin/feedback/fb-5', { assigneeId: 'u1' })).status,
    ).toBe(200);
    expect(
      (await asSecretKey(ctx, 'PUT', '/v1/admin/feedback/fb-5/tags', { tags: ['Billing'] })).body,
    ).toEqual({ tags: ['billing'] });
    return u1;
  }

  /** The ids the inbox lists for a query string, with the counts. */
  async function list(query: string) {
    const res = await asSecretKey(ctx, 'GET', `/v1/admin/feedback?${query}`);
    expect(res.status, res.text).toBe(200);
    return {
      ids: res.body.items.map((item: { id: string }) => item.id),
      counts: res.body.counts,
      nextCursor: res.body.nextCursor as string | undefined,
    };
  }

  it('filters by status, category, email and dates, counting each status under the other filters', async () => {
    await seed();
    expect(await list('')).toEqual({
      ids: ['fb-5', 'fb-4', 'fb-3', 'fb-2', 'fb-1'],
      counts: { new: 3, in_progress: 1, resolved: 1 },
      nextCursor: undefined,
    });
    const onlyNew = await list('status=new');
    expect(onlyNew.ids).toEqual(['fb-5', 'fb-2', 'fb-1']);
    expect(onlyNew.counts).toEqual({ new: 3, in_progress: 1, resolved: 1 });
    expect(await list('category=bug')).toMatchObject({
      ids: ['fb-4', 'fb-1'],
      counts: { new: 1, in_progress: 1, resolved: 0 },
    });
    expect((await list('hasEmail=true')).ids).toEqual(['fb-5', 'fb-3', 'fb-1']);
    expect((await list('hasEmail=false')).ids).toEqual(['fb-4', 'fb-2']);
    expect((await list('category=bug&hasEmail=true')).ids).toEqual(['fb-1']);
    // A date is a whole UTC day, so `to` includes the day it names…
    expect((await list('from=2026-03-02&to=2026-03-04')).ids).toEqual(['fb-4', 'fb-3', 'fb-2']);
    // …and a timestamp `to` is exclusive.
    expect((await list('from=2026-03-02T09:00:00Z&to=2026-03-04T09:00:00%2B00:00')).ids).toEqual([
      'fb-3',
      'fb-2',
    ]);
  });

  it('searches the message and the email by word, phrase and exclusion, in any case', async () => {
    await seed();
    expect(await list('q=checkout')).toMatchObject({
      ids: ['fb-3', 'fb-1'],
      counts: { new: 1, in_progress: 0, resolved: 1 },
    });
    expect((await list('q=CHECKOUT%20broken')).ids).toEqual(['fb-1']);
    expect((await list(`q=${encodeURIComponent('"dark mode"')}`)).ids).toEqual(['fb-2']);
    expect((await list(`q=${encodeURIComponent('"mode dark"')}`)).ids).toEqual([]);
    expect((await list('q=checkout%20-safari')).ids).toEqual(['fb-3']);
    expect((await list(`q=${encodeURIComponent('DONNÉES')}`)).ids).toEqual(['fb-4']);
    expect((await list('q=invoices%20or%20dark')).ids).toEqual(['fb-5', 'fb-2']);
    expect((await list('q=ada@example.com')).ids).toEqual(['fb-5', 'fb-1']);
    expect((await list('q=bob')).ids).toEqual(['fb-3']);
    expect((await list('q=shop.io')).ids).toEqual(['fb-3']);
    expect((await list('q=zebra')).ids).toEqual([]);
    // Punctuation-only searches match nothing instead of failing.
    expect((await list(`q=${encodeURIComponent('!!! & |')}`)).ids).toEqual([]);
    expect((await list('q=checkout&status=resolved')).ids).toEqual(['fb-3']);
  });

  it('filters by tag and assignee, including unassigned and the signed-in teammate', async () => {
    const u1 = await seed();
    expect((await list('tag=billing')).ids).toEqual(['fb-5']);
    expect((await list('tag=BILLING')).ids).toEqual(['fb-5']);
    expect((await list('tag=other')).ids).toEqual([]);
    expect((await list('assignee=u1')).ids).toEqual(['fb-5']);
    expect((await list('assignee=none')).ids).toEqual(['fb-4', 'fb-3', 'fb-2', 'fb-1']);
    const asUma = teammateApp(ctx, u1);
    const mine = await asUma('GET', '/v1/admin/feedback?assignee=me');
    expect(mine.body.items.map((item: { id: string }) => item.id)).toEqual(['fb-5']);
    expect(mine.body.items[0]).toMatchObject({
      tags: ['billing'],
      assignee: { userId: 'u1', name: 'Uma' },
    });
    const keyMe = await asSecretKey(ctx, 'GET', '/v1/admin/feedback?assignee=me');
    expect(keyMe.status).toBe(400);
  });

  it('pages newest first under a filter until the last item, without repeats', async () => {
    await seed();
    const first = await list('limit=2');
    expect(first.ids).toEqual(['fb-5', 'fb-4']);
    const second = await list(`limit=2&cursor=${first.nextCursor}`);
    expect(second.ids).toEqual(['fb-3', 'fb-2']);
    const third = await list(`limit=2&cursor=${second.nextCursor}`);
    expect(third).toMatchObject({ ids: ['fb-1'], nextCursor: undefined });
    const newFirst = await list('status=new&limit=2');
    expect(newFirst.ids).toEqual(['fb-5', 'fb-2']);
    expect((await list(`status=new&limit=2&cursor=${newFirst.nextCursor}`)).ids).toEqual(['fb-1']);
  });

  it('keeps items that share a timestamp apart across pages', async () => {
    await seed();
    const tie = { timestamp: '2026-03-05T09:00:00.000Z' };
    await ingest(ctx, [
      message('feedback', { ...tie, id: 'tie-a', message: 'a' }),
      message('feedback', { ...tie, id: 'tie-b', message: 'b' }),
    ]);
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list(`limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      ids.push(...page.ids);
      cursor = page.nextCursor;
    } while (cursor && ids.length < 20);
    expect(ids).toEqual(['tie-b', 'tie-a', 'fb-5', 'fb-4', 'fb-3', 'fb-2', 'fb-1']);
  });

  it('answers 400 invalid_query for a malformed filter', async () => {
    await seed();
    for (const query of [
      'hasEmail=yes',
      'from=yesterday',
      'to=2026-13-01',
      'category=complaint',
      'status=open',
      `q=${'x'.repeat(201)}`,
      'limit=0',
      'limit=101',
      'cursor=zzz',
      `tag=${'t'.repeat(41)}`,
    ]) {
      const res = await asSecretKey(ctx, 'GET', `/v1/admin/feedback?${query}`);
      expect([query, res.status, res.body.error.code]).toEqual([query, 400, 'invalid_query']);
    }
  });
});

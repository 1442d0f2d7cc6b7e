import { describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { message, send } from './helpers/requests';
import { SK, useTestApp } from './helpers/test-app';

const admin = { key: SK };

describe.each(databases)('admin API on $name', (database) => {
  const ctx = useTestApp(database);
  /** A request to the admin API with the secret key. */
  const asAdmin = (method: string, path: string, body?: unknown) =>
    send(ctx.app, method, path, body, admin);

  it('lists feedback newest first in pages, filters by status, patches and replies', async () => {
    const messages = Array.from({ length: 5 }, (_, i) =>
      message('feedback', {
        id: `fb-${i}`,
        message: `Note ${i}`,
        timestamp: `2026-03-0${i + 1}T09:00:00.000Z`,
      }),
    );
    await send(ctx.app, 'POST', '/v1/batch', { messages });
    const first = await asAdmin('GET', '/v1/admin/feedback?limit=2');
    expect(first.body.items.map((f: { id: string }) => f.id)).toEqual(['fb-4', 'fb-3']);
    const second = await asAdmin(
      'GET',
      `/v1/admin/feedback?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((f: { id: string }) => f.id)).toEqual(['fb-2', 'fb-1']);

    const patched = await asAdmin('PATCH', '/v1/admin/feedback/fb-1', { status: 'resolved' });
    expect(patched.body).toMatchObject({ id: 'fb-1', status: 'resolved' });
    const reply = await asAdmin('POST', '/v1/admin/feedback/fb-1/replies', {
      body: 'Fixed, thanks!',
    });
    expect(reply.status).toBe(201);
    const resolved = await asAdmin('GET', '/v1/admin/feedback?status=resolved');
    expect(resolved.body.items).toHaveLength(1);
    expect(resolved.body.items[0].replies[0].body).toBe('Fixed, thanks!');
    expect(resolved.body.nextCursor).toBeUndefined();

    const missing = await asAdmin('PATCH', '/v1/admin/feedback/nope', { status: 'new' });
    expect(missing.status).toBe(404);
    const badStatus = await asAdmin('PATCH', '/v1/admin/feedback/fb-1', { status: 'x' });
    expect(badStatus.status).toBe(400);
    const badCursor = await asAdmin('GET', '/v1/admin/feedback?cursor=zzz');
    expect(badCursor.status).toBe(400);
  });

  it('creates, reads, patches and deletes surveys without resetting unsent fields', async () => {
    const created = await asAdmin('POST', '/v1/admin/surveys', {
      id: 'csat-1',
      name: 'CSAT',
      type: 'csat',
      question: 'Happy?',
      samplePercent: 20,
      active: false,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'csat-1', samplePercent: 20, recontactDays: 90 });
    const duplicate = await asAdmin('POST', '/v1/admin/surveys', {
      id: 'csat-1',
      name: 'CSAT',
      type: 'csat',
      question: 'Happy?',
    });
    expect(duplicate.status).toBe(409);
    const patched = await asAdmin('PATCH', '/v1/admin/surveys/csat-1', { name: 'Renamed' });
    expect(patched.body).toMatchObject({ name: 'Renamed', samplePercent: 20, active: false });
    const list = await asAdmin('GET', '/v1/admin/surveys');
    expect(list.body.items).toHaveLength(1);
    const deleted = await asAdmin('DELETE', '/v1/admin/surveys/csat-1');
    expect(deleted.status).toBe(204);
    const gone = await asAdmin('GET', '/v1/admin/surveys/csat-1');
    expect(gone.status).toBe(404);
  });

  it('manages rewards and tiers', async () => {
    const reward = await asAdmin('POST', '/v1/admin/loyalty/rewards', { name: 'Mug', cost: 300 });
    expect(reward.status).toBe(201);
    const id = reward.body.id;
    const patched = await asAdmin('PATCH', `/v1/admin/loyalty/rewards/${id}`, { cost: 250 });
    expect(patched.body).toMatchObject({ id, name: 'Mug', cost: 250, active: true });
    const rewards = await asAdmin('GET', '/v1/admin/loyalty/rewards');
    expect(rewards.body.items).toHaveLength(1);
    expect((await asAdmin('DELETE', `/v1/admin/loyalty/rewards/${id}`)).status).toBe(204);
    const tiers = await asAdmin('PUT', '/v1/admin/loyalty/tiers', [
      { name: 'Gold', threshold: 1500 },
      { name: 'Bronze', threshold: 0 },
    ]);
    expect(tiers.body.items.map((t: { name: string }) => t.name)).toEqual(['Bronze', 'Gold']);
    const dupes = await asAdmin('PUT', '/v1/admin/loyalty/tiers', [
      { name: 'A', threshold: 1 },
      { name: 'A', threshold: 2 },
    ]);
    expect(dupes.status).toBe(400);
  });

  it('shows a customer’s whole timeline in time order, including linked anonymous history', async () => {
    await asAdmin('POST', '/v1/admin/surveys', {
      id: 'nps-1',
      name: 'N',
      type: 'nps',
      question: 'Q',
    });
    const at = (minute: number) => `2026-03-02T10:${String(minute).padStart(2, '0')}:00.000Z`;
    await send(ctx.app, 'POST', '/v1/batch', {
      messages: [
        message('page', { id: 'e1', anonymousId: 'anon-x', timestamp: at(1) }),
        message('track', { id: 'e2', anonymousId: 'anon-x', timestamp: at(2) }),
        message('identify', { id: 'e3', anonymousId: 'anon-x', userId: 'ada', timestamp: at(3) }),
        message('feedback', { id: 'e4', anonymousId: 'anon-x', userId: 'ada', timestamp: at(4) }),
        message('survey_response', {
          id: 'e5',
          anonymousId: 'anon-x',
          userId: 'ada',
          timestamp: at(5),
        }),
        message('page', { id: 'other', anonymousId: 'anon-y', timestamp: at(6) }),
      ],
    });
    ctx.clock.set(at(7));
    await asAdmin('POST', '/v1/admin/loyalty/earn', {
      id: 'e7',
      userId: 'ada',
      points: 5,
      reason: 'Hi',
    });
    const res = await asAdmin('GET', '/v1/admin/customers/ada/timeline');
    expect(res.status).toBe(200);
    // Newest first; paging is tested in customer-timeline-pages-past-1000-rows.test.ts.
    expect(res.body.items.map((e: { kind: string; id: string }) => `${e.kind}:${e.id}`)).toEqual([
      'loyalty:earn:e7',
      'survey_response:e5',
      'feedback:e4',
      'identify:e3',
      'track:e2',
      'page:e1',
    ]);
  });

  it('exports CSV with proper quoting and neutralised formulas', async () => {
    await send(ctx.app, 'POST', '/v1/batch', {
      messages: [
        message('feedback', {
          id: 'f1',
          message: '=HYPERLINK("http://evil","click")',
          timestamp: '2026-03-01T00:00:00.000Z',
        }),
        message('feedback', {
          id: 'f2',
          message: 'line one\nline "two", ok',
          timestamp: '2026-03-01T00:01:00.000Z',
        }),
        message('feedback', {
          id: 'f3',
          message: '@SUM(A1)',
          email: 'a@b.co',
          timestamp: '2026-03-01T00:02:00.000Z',
        }),
      ],
    });
    const res = await ctx.app.request('/v1/admin/export/feedback.csv', {
      headers: { authorization: `Bearer ${SK}` },
    });
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text()).split('\r\n');
    expect(lines[0]).toBe(
      'id,created_at,status,category,rating,message,email,user_id,anonymous_id,url',
    );
    expect(lines[1]).toContain(`,"'=HYPERLINK(""http://evil"",""click"")",`);
    expect(lines[2]).toContain(',"line one\nline ""two"", ok",');
    expect(lines[3]).toContain(",'@SUM(A1),a@b.co,");
    const responses = await ctx.app.request('/v1/admin/export/responses.csv', {
      headers: { authorization: `Bearer ${SK}` },
    });
    expect((await responses.text()).split('\r\n')[0]).toBe(
      'id,created_at,survey_id,score,comment,answers,user_id,anonymous_id',
    );
  });
});

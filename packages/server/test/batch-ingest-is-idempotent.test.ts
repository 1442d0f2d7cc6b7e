import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { userHashOf } from '../src/identity';
import type { Store } from '../src/store/index';
import { databases } from './helpers/databases';
import { message, send } from './helpers/requests';
import { IDENTITY_SECRET, useTestApp } from './helpers/test-app';

async function counts(store: Store) {
  const { rows } = await sql<Record<string, number | string>>`
    SELECT (SELECT count(*) FROM events) AS events,
           (SELECT count(*) FROM feedback) AS feedback,
           (SELECT count(*) FROM processed_messages) AS processed,
           (SELECT count(*) FROM customers) AS customers`.execute(store.db);
  return Object.fromEntries(Object.entries(rows[0] ?? {}).map(([k, v]) => [k, Number(v)]));
}

describe.each(databases)('batch ingest on $name', (database) => {
  const ctx = useTestApp(database);

  it('stores a batch once and counts a resend as duplicates', async () => {
    const batch = {
      messages: [
        message('page'),
        message('track', { properties: { plan: 'pro' } }),
        message('identify', { userId: 'user-1', traits: { name: 'Ada' } }),
        message('feedback', { category: 'idea' }),
      ],
    };
    const first = await send(ctx.app, 'POST', '/v1/batch', batch);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ accepted: 4, duplicates: 0, rejected: [] });
    const before = await counts(ctx.store);
    expect(before).toEqual({ events: 3, feedback: 1, processed: 4, customers: 1 });

    const second = await send(ctx.app, 'POST', '/v1/batch', batch);
    expect(second.body).toEqual({ accepted: 0, duplicates: 4, rejected: [] });
    expect(await counts(ctx.store)).toEqual(before);
  });

  it('treats a known id with a different body as a duplicate, storing nothing new', async () => {
    const original = message('feedback', { message: 'first words' });
    await send(ctx.app, 'POST', '/v1/batch', { messages: [original] });
    const changed = { ...original, message: 'other words' };
    const again = await send(ctx.app, 'POST', '/v1/batch', { messages: [changed] });
    expect(again.body).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
    const rows = await ctx.store.db.selectFrom('feedback').select('message').execute();
    expect(rows).toEqual([{ message: 'first words' }]);
  });

  it('stores concurrent resends of one batch once (batches written together are deduped)', async () => {
    const batch = { messages: [message('track'), message('page'), message('feedback')] };
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => send(ctx.app, 'POST', '/v1/batch', batch)),
    );
    const accepted = answers.reduce((sum, res) => sum + res.body.accepted, 0);
    const duplicates = answers.reduce((sum, res) => sum + res.body.duplicates, 0);
    expect(accepted).toBe(3);
    expect(duplicates).toBe(33);
    expect(await counts(ctx.store)).toMatchObject({ events: 2, feedback: 1, processed: 3 });
  });

  it('counts a repeated id inside one batch once', async () => {
    const one = message('track');
    const res = await send(ctx.app, 'POST', '/v1/batch', { messages: [one, one, one] });
    expect(res.body).toEqual({ accepted: 1, duplicates: 2, rejected: [] });
    expect((await counts(ctx.store)).events).toBe(1);
  });

  it('keeps the first of two messages sharing an id in one batch, whatever the second holds', async () => {
    // A resend is judged by its id alone: the copy is a duplicate even when, judged on its
    // own, it would be refused (here: an answer to a survey that does not exist).
    const first = message('track');
    const copy = message('survey_response', { id: first.id, surveyId: 'no-such-survey' });
    const res = await send(ctx.app, 'POST', '/v1/batch', { messages: [first, copy] });
    expect(res.body).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
    expect(await counts(ctx.store)).toMatchObject({ events: 1, processed: 1 });
  });

  it('rejects bad messages one by one and keeps the good ones', async () => {
    const good = message('track');
    const res = await send(ctx.app, 'POST', '/v1/batch', {
      messages: [
        good,
        { id: 'bad-1', type: 'track', timestamp: 'yesterday', anonymousId: 'a' },
        { id: 'bad-2', type: 'nope' },
        message('survey_response', { id: 'bad-3', surveyId: 'no-such-survey' }),
        message('identify', { id: 'bad-4', userHash: 'a'.repeat(64) }),
        42,
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(1);
    expect(res.body.rejected.map((r: { id: string; code: string }) => [r.id, r.code])).toEqual([
      ['bad-1', 'invalid_body'],
      ['bad-2', 'invalid_body'],
      ['', 'invalid_body'],
      ['bad-3', 'not_found'],
      ['bad-4', 'unauthorized'],
    ]);
  });

  it('accepts text/plain bodies (sendBeacon) with ?key=', async () => {
    const res = await ctx.app.request('/v1/batch?key=pk_test', {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify({ messages: [message('page')] }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ accepted: 1 });
  });

  it('links the anonymous history to the user on identify', async () => {
    await send(ctx.app, 'POST', '/v1/batch', {
      messages: [message('page', { anonymousId: 'anon-7' })],
    });
    await send(ctx.app, 'POST', '/v1/batch', {
      messages: [
        message('identify', {
          anonymousId: 'anon-7',
          userId: 'ada',
          userHash: userHashOf(IDENTITY_SECRET, 'ada'),
          traits: { a: 1 },
        }),
      ],
    });
    const customer = await ctx.store.db
      .selectFrom('customers')
      .select(['user_id', 'traits'])
      .where('anonymous_id', '=', 'anon-7')
      .executeTakeFirstOrThrow();
    expect(customer).toEqual({ user_id: 'ada', traits: { a: 1 } });
  });

  it('refuses a malformed envelope, an oversized body and a wrong content type', async () => {
    const empty = await send(ctx.app, 'POST', '/v1/batch', { messages: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('invalid_body');
    expect(empty.body.error.message).toMatch(/^Invalid batch: messages/);
    const broken = await send(ctx.app, 'POST', '/v1/batch', '{"messages": [');
    expect(broken.body.error.code).toBe('invalid_body');
    const huge = await send(ctx.app, 'POST', '/v1/batch', {
      messages: [message('track', { event: 'x'.repeat(70_000) })],
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
    const xml = await ctx.app.request('/v1/batch', {
      method: 'POST',
      headers: { authorization: 'Bearer pk_test', 'content-type': 'application/xml' },
      body: '<messages/>',
    });
    expect(xml.status).toBe(415);
    expect(await counts(ctx.store)).toMatchObject({ events: 0, processed: 0 });
  });

  it('stops reading a body without Content-Length once it passes the limit', async () => {
    // A chunked upload declares no length, so the limit must hold while reading: an endless
    // body gets 413 after about 64 KiB instead of filling memory.
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new TextEncoder().encode(' '.repeat(8192)));
      },
    });
    const res = await ctx.app.request('/v1/batch', {
      method: 'POST',
      headers: { authorization: 'Bearer pk_test', 'content-type': 'application/json' },
      body: endless,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
    expect(pulled).toBeLessThan(12);
  });
});

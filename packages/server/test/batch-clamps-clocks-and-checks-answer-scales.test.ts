import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { message, send } from './helpers/requests';
import { SK, useTestApp } from './helpers/test-app';

/** The test clock's time (helpers/test-app.ts), which the server files messages against. */
const NOW = '2026-03-02T12:00:00.000Z';
const plus = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString();

describe.each(databases)('what /v1/batch files and refuses, on $name', (database) => {
  const ctx = useTestApp(database);

  async function occurredAt(): Promise<Record<string, string>> {
    const { rows } = await sql<{ id: string; at: Date | string }>`
      SELECT id, occurred_at AS at FROM events`.execute(ctx.store.db);
    return Object.fromEntries(rows.map((row) => [row.id, new Date(row.at).toISOString()]));
  }

  it('keeps a timestamp up to 5 minutes ahead or from 2000 on, and files anything else at the server time', async () => {
    ctx.clock.set(NOW);
    const at = (id: string, timestamp: string) => message('track', { id, timestamp });
    const batch = [
      at('skew-edge', plus(5 * 60_000)),
      at('too-far', plus(5 * 60_000 + 1)),
      at('y2k', '2000-01-01T00:00:00.000Z'),
      at('before-2000', '1999-12-31T23:59:59.999Z'),
      at('past', '2026-03-01T08:30:00.000Z'),
    ];
    expect((await send(ctx.app, 'POST', '/v1/batch', { messages: batch })).body).toEqual({
      accepted: 5,
      duplicates: 0,
      rejected: [],
    });
    expect(await occurredAt()).toEqual({
      'skew-edge': plus(5 * 60_000),
      'too-far': NOW,
      y2k: '2000-01-01T00:00:00.000Z',
      'before-2000': NOW,
      past: '2026-03-01T08:30:00.000Z',
    });
  });

  it('takes CSAT scores 1–5 and NPS scores 0–10, and rejects the rest by id with the reason', async () => {
    for (const survey of [
      { id: 'csat-1', name: 'CSAT', type: 'csat', question: 'How was it?' },
      { id: 'nps-1', name: 'NPS', type: 'nps', question: 'Recommend us?' },
    ]) {
      expect((await send(ctx.app, 'POST', '/v1/admin/surveys', survey, { key: SK })).status).toBe(
        201,
      );
    }
    const answer = (id: string, surveyId: string, score?: number) =>
      message('survey_response', { id, surveyId, score, anonymousId: `a-${id}` });
    const batch = [
      answer('csat-0', 'csat-1', 0),
      answer('csat-1', 'csat-1', 1),
      answer('csat-5', 'csat-1', 5),
      answer('csat-6', 'csat-1', 6),
      answer('csat-none', 'csat-1'),
      answer('nps-0', 'nps-1', 0),
      answer('nps-10', 'nps-1', 10),
      answer('unknown', 'nope-1', 3),
    ];
    const res = await send(ctx.app, 'POST', '/v1/batch', { messages: batch });
    expect(res.body.accepted).toBe(4);
    expect(res.body.duplicates).toBe(0);
    expect(res.body.rejected).toEqual([
      { id: 'csat-0', code: 'invalid_body', message: 'score: a CSAT score is 1–5' },
      { id: 'csat-6', code: 'invalid_body', message: 'score: a CSAT score is 1–5' },
      { id: 'csat-none', code: 'invalid_body', message: 'score: required' },
      { id: 'unknown', code: 'not_found', message: 'No survey with id nope-1.' },
    ]);
    const { rows } = await sql<{ id: string }>`
      SELECT id FROM survey_responses ORDER BY id`.execute(ctx.store.db);
    expect(rows.map((row) => row.id)).toEqual(['csat-1', 'csat-5', 'nps-0', 'nps-10']);
  });

  it('names a malformed message by its id cut to 128 characters, or by an empty id', async () => {
    const long = 'x'.repeat(300);
    const res = await send(ctx.app, 'POST', '/v1/batch', {
      messages: [null, { id: long, type: 'bogus' }, { id: 7, type: 'track' }, message('page')],
    });
    expect(res.body.accepted).toBe(1);
    expect(res.body.rejected.map((r: { id: string }) => r.id)).toEqual(['', 'x'.repeat(128), '']);
    for (const rejected of res.body.rejected) expect(rejected.code).toBe('invalid_body');
  });

  it('counts a repeat inside the batch and a replay of a stored id as duplicates, apart from rejections', async () => {
    const first = message('track', { id: 'once' });
    expect((await send(ctx.app, 'POST', '/v1/batch', { messages: [first] })).body.accepted).toBe(1);
    const res = await send(ctx.app, 'POST', '/v1/batch', {
      messages: [first, message('page', { id: 'new' }), message('page', { id: 'new' }), null],
    });
    expect(res.body).toMatchObject({ accepted: 1, duplicates: 2 });
    expect(res.body.rejected).toHaveLength(1);
  });
});

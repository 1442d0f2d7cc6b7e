import { describe, expect, it } from 'vitest';
import { npsScore } from '../src/store/nps';
import { databases } from './helpers/databases';
import { message, send } from './helpers/requests';
import { SK, useTestApp } from './helpers/test-app';

/** Wednesdays of three consecutive ISO weeks (weeks start on Monday 2026-03-02). */
const WEEKS = ['2026-03-04T10:00:00.000Z', '2026-03-11T10:00:00.000Z', '2026-03-18T10:00:00.000Z'];

function responses(scores: number[], week: string) {
  return scores.map((score, i) =>
    message('survey_response', {
      surveyId: 'nps-1',
      score,
      anonymousId: `p-${week}-${i}`,
      timestamp: week,
    }),
  );
}

describe('npsScore', () => {
  it('rounds to the nearest integer, halves away from zero, mirrored results mirrored', () => {
    expect(npsScore(1, 2, 3)).toBe(-33);
    expect(npsScore(2, 1, 3)).toBe(33);
    expect(npsScore(1, 2, 8)).toBe(-13);
    expect(npsScore(2, 1, 8)).toBe(13);
    // 7/40 × 100 is exactly 17.5: a half, which rounds away from zero.
    expect(npsScore(7, 0, 40)).toBe(18);
    expect(npsScore(1, 1, 2)).toBe(0);
    expect(Object.is(npsScore(0, 1, 300), 0)).toBe(true);
    expect(npsScore(0, 0, 0)).toBeNull();
  });
});

describe.each(databases)('NPS summary on $name', (database) => {
  const ctx = useTestApp(database);

  it('lists a quiet week between two weeks with responses, and scores 1/0/2 as −33', async () => {
    ctx.clock.set('2026-03-25T00:00:00.000Z');
    await send(
      ctx.app,
      'POST',
      '/v1/admin/surveys',
      { id: 'nps-1', name: 'NPS', type: 'nps', question: 'Recommend us?' },
      { key: SK },
    );
    const batch = [...responses([10, 0], WEEKS[0]!), ...responses([3], WEEKS[2]!)];
    await send(ctx.app, 'POST', '/v1/batch', { messages: batch });
    const res = await send(ctx.app, 'GET', '/v1/admin/nps?interval=week', undefined, { key: SK });
    expect(res.body).toMatchObject({ nps: -33, promoters: 1, passives: 0, detractors: 2 });
    expect(res.body.trend).toEqual([
      { start: '2026-03-02T00:00:00.000Z', nps: 0, responses: 2 },
      { start: '2026-03-09T00:00:00.000Z', nps: null, responses: 0 },
      { start: '2026-03-16T00:00:00.000Z', nps: -100, responses: 1 },
    ]);
  });

  it('computes NPS 25 from 10 promoters, 5 passives, 5 detractors, with weekly buckets', async () => {
    ctx.clock.set('2026-03-25T00:00:00.000Z');
    const created = await send(
      ctx.app,
      'POST',
      '/v1/admin/surveys',
      { id: 'nps-1', name: 'NPS', type: 'nps', question: 'Recommend us?' },
      { key: SK },
    );
    expect(created.status).toBe(201);
    // Week 1: 6 promoters, 2 passives; week 2: 4 promoters, 3 passives, 1 detractor;
    // week 3: 4 detractors.
    const batch = [
      ...responses([9, 10, 9, 10, 9, 10, 7, 8], WEEKS[0]!),
      ...responses([9, 10, 9, 10, 7, 8, 7, 0], WEEKS[1]!),
      ...responses([6, 5, 3, 1], WEEKS[2]!),
    ];
    const ingest = await send(ctx.app, 'POST', '/v1/batch', { messages: batch });
    expect(ingest.body).toMatchObject({ accepted: 20, rejected: [] });

    const res = await send(
      ctx.app,
      'GET',
      '/v1/admin/nps?surveyId=nps-1&interval=week',
      undefined,
      {
        key: SK,
      },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      nps: 25,
      responses: 20,
      promoters: 10,
      passives: 5,
      detractors: 5,
    });
    expect(res.body.trend).toEqual([
      { start: '2026-03-02T00:00:00.000Z', nps: 75, responses: 8 },
      { start: '2026-03-09T00:00:00.000Z', nps: 38, responses: 8 },
      { start: '2026-03-16T00:00:00.000Z', nps: -100, responses: 4 },
    ]);

    const ranged = await send(
      ctx.app,
      'GET',
      '/v1/admin/nps?from=2026-03-09&to=2026-03-16',
      undefined,
      { key: SK },
    );
    expect(ranged.body).toMatchObject({ responses: 8, promoters: 4, detractors: 1 });
  });

  it('scores one survey alone when asked for its id, the project when not', async () => {
    ctx.clock.set('2026-03-25T00:00:00.000Z');
    for (const id of ['nps-1', 'nps-2']) {
      const survey = { id, name: id, type: 'nps', question: 'Recommend us?' };
      expect((await send(ctx.app, 'POST', '/v1/admin/surveys', survey, { key: SK })).status).toBe(
        201,
      );
    }
    const other = [0, 0, 0].map((score, i) =>
      message('survey_response', {
        surveyId: 'nps-2',
        score,
        anonymousId: `q-${i}`,
        timestamp: WEEKS[0],
      }),
    );
    const batch = [...responses([10], WEEKS[0]!), ...other];
    expect((await send(ctx.app, 'POST', '/v1/batch', { messages: batch })).body.accepted).toBe(4);
    const one = await send(ctx.app, 'GET', '/v1/admin/nps?surveyId=nps-1', undefined, { key: SK });
    expect(one.body).toMatchObject({ nps: 100, responses: 1, promoters: 1, detractors: 0 });
    const all = await send(ctx.app, 'GET', '/v1/admin/nps', undefined, { key: SK });
    expect(all.body).toMatchObject({ nps: -50, responses: 4, promoters: 1, detractors: 3 });
  });

  it('answers null NPS with no responses, and 400 for a bad interval', async () => {
    const empty = await send(ctx.app, 'GET', '/v1/admin/nps', undefined, { key: SK });
    expect(empty.body).toEqual({
      nps: null,
      responses: 0,
      promoters: 0,
      passives: 0,
      detractors: 0,
      trend: [],
    });
    const bad = await send(ctx.app, 'GET', '/v1/admin/nps?interval=fortnight', undefined, {
      key: SK,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_query');
  });
});

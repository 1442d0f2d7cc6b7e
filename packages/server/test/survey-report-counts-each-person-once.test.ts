import { describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { message, send } from './helpers/requests';
import { SK, useTestApp } from './helpers/test-app';

const admin = { key: SK };
/** Wednesdays: two in ISO week 2026-03-02, one the week after, one in April. */
const MAR_04 = '2026-03-04T10:00:00.000Z';
const MAR_05 = '2026-03-05T10:00:00.000Z';
const MAR_11 = '2026-03-11T10:00:00.000Z';
const APR_08 = '2026-04-08T10:00:00.000Z';

function answer(
  surveyId: string,
  score: number,
  anonymousId: string,
  timestamp: string,
  extra = {},
) {
  return message('survey_response', { surveyId, score, anonymousId, timestamp, ...extra });
}

describe.each(databases)('survey report figures on $name', (database) => {
  const ctx = useTestApp(database);

  async function createSurvey(id: string, type: 'nps' | 'csat') {
    const res = await send(
      ctx.app,
      'POST',
      '/v1/admin/surveys',
      { id, name: `${type} survey`, type, question: 'How was it?' },
      admin,
    );
    expect(res.status).toBe(201);
  }

  async function ingest(messages: Record<string, unknown>[]) {
    const res = await send(ctx.app, 'POST', '/v1/batch', { messages });
    expect(res.body).toMatchObject({ accepted: messages.length, rejected: [] });
  }

  it('computes NPS 30 ± 48.4 from 5 promoters, 3 passives and 2 detractors, with the 0–10 spread', async () => {
    ctx.clock.set('2026-05-01T00:00:00.000Z');
    await createSurvey('nps-1', 'nps');
    const scores = [10, 10, 9, 9, 9, 8, 7, 7, 6, 0];
    await ingest(scores.map((score, i) => answer('nps-1', score, `p${i}`, MAR_04)));
    const res = await send(ctx.app, 'GET', '/v1/admin/surveys/nps-1/report', undefined, admin);
    expect(res.status).toBe(200);
    // By hand: p₊ = 5/10, p₋ = 2/10; NPS = 50 − 20 = 30; variance .5·.5 + .2·.8 + 2·.5·.2
    // = .61; MoE = 1.96 × √(.61 / 10) × 100 = 1.96 × 24.698 = 48.41 → 48.4.
    expect(res.body.period.summary).toEqual({
      responses: 10,
      distribution: [1, 0, 0, 0, 0, 0, 1, 2, 1, 3, 2],
      nps: { score: 30, marginOfError: 48.4, promoters: 5, passives: 3, detractors: 2 },
    });
    expect(res.body.survey).toEqual({ id: 'nps-1', name: 'nps survey', type: 'nps' });
    expect(res.body.interval).toBe('week');
  });

  it('counts a person who answered twice once, with their latest score, in the period and in each bucket', async () => {
    ctx.clock.set('2026-05-01T00:00:00.000Z');
    await createSurvey('nps-1', 'nps');
    await ingest([
      answer('nps-1', 2, 'anon-a', MAR_04),
      answer('nps-1', 9, 'anon-a', MAR_05),
      answer('nps-1', 10, 'anon-a', MAR_11),
      // A verified user answering from two browsers is one person.
      answer('nps-1', 0, 'anon-b', MAR_04, { userId: 'ann' }),
      answer('nps-1', 8, 'anon-c', MAR_11, { userId: 'ann' }),
      // The same id as a user id and as an anonymous id: two people.
      answer('nps-1', 9, 'ann', MAR_04),
    ]);
    const res = await send(ctx.app, 'GET', '/v1/admin/surveys/nps-1/report', undefined, admin);
    // People: anon-a (latest 10), ann (latest 8), the anonymous "ann" (9).
    expect(res.body.period.summary.responses).toBe(3);
    expect(res.body.period.summary.nps).toMatchObject({ promoters: 2, passives: 1, detractors: 0 });
    expect(res.body.period.summary.distribution[10]).toBe(1);
    expect(res.body.period.summary.distribution[2]).toBe(0);
    const weeks = res.body.period.series.map(
      (p: { start: string; responses: number; nps: { score: number } }) => [
        p.start,
        p.responses,
        p.nps.score,
      ],
    );
    // Week of 2 March: anon-a's latest there is 9, ann's 0, "ann" 9 → 2 promoters, 1 detractor.
    // Week of 9 March: anon-a 10, ann 8 → 1 promoter, 1 passive.
    expect(weeks).toEqual([
      ['2026-03-02T00:00:00.000Z', 3, 33],
      ['2026-03-09T00:00:00.000Z', 2, 50],
    ]);
  });

  it('links an anonymous answer to the user its browser was later verified as', async () => {
    ctx.clock.set('2026-05-01T00:00:00.000Z');
    await createSurvey('nps-1', 'nps');
    await ingest([
      answer('nps-1', 3, 'anon-x', MAR_04),
      message('identify', { userId: 'bob', anonymousId: 'anon-x', timestamp: MAR_05 }),
      answer('nps-1', 10, 'anon-y', MAR_11, { userId: 'bob' }),
    ]);
    const res = await send(ctx.app, 'GET', '/v1/admin/surveys/nps-1/report', undefined, admin);
    expect(res.body.period.summary).toMatchObject({ responses: 1, nps: { score: 100 } });
  });

  it('gives a CSAT average and share satisfied, monthly buckets with quiet months, and two periods side by side', async () => {
    ctx.clock.set('2026-05-01T00:00:00.000Z');
    await createSurvey('csat-1', 'csat');
    await ingest([
      answer('csat-1', 5, 'c1', MAR_04),
      answer('csat-1', 4, 'c2', MAR_04),
      answer('csat-1', 2, 'c3', MAR_11),
      answer('csat-1', 1, 'c4', APR_08),
      answer('csat-1', 5, 'c5', '2026-01-20T10:00:00.000Z'),
    ]);
    const res = await send(
      ctx.app,
      'GET',
      '/v1/admin/surveys/csat-1/report?interval=month&from=2026-03-01&to=2026-04-30&compareFrom=2026-01-01&compareTo=2026-02-28',
      undefined,
      admin,
    );
    expect(res.status).toBe(200);
    // March–April: 5, 4, 2, 1 → average 12 / 4 = 3; satisfied (4–5) 2 of 4 = 50 %.
    expect(res.body.period.summary).toEqual({
      responses: 4,
      distribution: [1, 1, 0, 1, 1],
      csat: { average: 3, satisfied: 2, satisfiedPercent: 50 },
    });
    expect(res.body.period.from).toBe('2026-03-01T00:00:00.000Z');
    expect(res.body.period.to).toBe('2026-05-01T00:00:00.000Z');
    expect(
      res.body.period.series.map((p: { start: string; csat: { average: number } }) => [
        p.start,
        p.csat.average,
      ]),
    ).toEqual([
      ['2026-03-01T00:00:00.000Z', 3.67],
      ['2026-04-01T00:00:00.000Z', 1],
    ]);
    expect(res.body.compare.summary).toEqual({
      responses: 1,
      distribution: [0, 0, 0, 0, 1],
      csat: { average: 5, satisfied: 1, satisfiedPercent: 100 },
    });
    expect(res.body.compare.from).toBe('2026-01-01T00:00:00.000Z');

    const quiet = await send(
      ctx.app,
      'GET',
      '/v1/admin/surveys/csat-1/report?interval=month',
      undefined,
      admin,
    );
    expect(
      quiet.body.period.series.map((p: { start: string; responses: number }) => [
        p.start,
        p.responses,
      ]),
    ).toEqual([
      ['2026-01-01T00:00:00.000Z', 1],
      ['2026-02-01T00:00:00.000Z', 0],
      ['2026-03-01T00:00:00.000Z', 3],
      ['2026-04-01T00:00:00.000Z', 1],
    ]);
    expect(quiet.body.period.series[1].csat).toEqual({
      average: null,
      satisfied: 0,
      satisfiedPercent: null,
    });
    expect(quiet.body.compare).toBeUndefined();
  });

  it('counts dismissals of people who did not answer, and says shown is not recorded', async () => {
    ctx.clock.set('2026-05-01T00:00:00.000Z');
    await createSurvey('nps-1', 'nps');
    const dismiss = (anonymousId: string, surveyId = 'nps-1') =>
      message('track', {
        event: '$survey_dismissed',
        properties: { surveyId },
        anonymousId,
        timestamp: MAR_04,
      });
    await ingest([
      answer('nps-1', 9, 'd1', MAR_05),
      dismiss('d1'),
      dismiss('d2'),
      dismiss('d2'),
      dismiss('d3'),
      dismiss('d4', 'other-survey'),
    ]);
    const res = await send(ctx.app, 'GET', '/v1/admin/surveys/nps-1/report', undefined, admin);
    // d1 answered after dismissing: answered only. d2 (twice) and d3 dismissed: 2 people.
    expect(res.body.period.rate).toEqual({
      shown: null,
      answered: 1,
      dismissed: 2,
      answeredPercent: 33,
    });
  });

  it('gives the survey list each survey’s answer count and NPS or CSAT average in one request', async () => {
    ctx.clock.set('2026-05-01T00:00:00.000Z');
    await createSurvey('nps-1', 'nps');
    await createSurvey('csat-1', 'csat');
    await createSurvey('quiet', 'nps');
    await ingest([
      answer('nps-1', 0, 'a', MAR_04),
      answer('nps-1', 10, 'a', MAR_05),
      answer('nps-1', 9, 'b', MAR_05),
      answer('csat-1', 4, 'a', MAR_04),
      answer('csat-1', 1, 'b', MAR_04),
    ]);
    const res = await send(ctx.app, 'GET', '/v1/admin/surveys', undefined, admin);
    const summaries = Object.fromEntries(
      res.body.items.map((item: { id: string; summary: unknown }) => [item.id, item.summary]),
    );
    expect(summaries).toEqual({
      'nps-1': { responses: 2, nps: 100 },
      'csat-1': { responses: 2, average: 2.5 },
      quiet: { responses: 0, nps: null },
    });
  });
});

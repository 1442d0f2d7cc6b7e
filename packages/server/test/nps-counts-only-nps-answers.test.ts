import { describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { message, send } from './helpers/requests';
import { SK, useTestApp } from './helpers/test-app';

describe.each(databases)('NPS beside CSAT on $name', (database) => {
  const ctx = useTestApp(database);

  it('leaves CSAT answers out of the NPS summary, though a 1–5 score fits the 0–10 bands', async () => {
    ctx.clock.set('2026-03-25T00:00:00.000Z');
    for (const survey of [
      { id: 'nps-1', name: 'NPS', type: 'nps', question: 'Recommend us?' },
      { id: 'csat-1', name: 'CSAT', type: 'csat', question: 'How was it?' },
    ]) {
      expect((await send(ctx.app, 'POST', '/v1/admin/surveys', survey, { key: SK })).status).toBe(
        201,
      );
    }
    const at = '2026-03-20T10:00:00.000Z';
    const answer = (surveyId: string, score: number, i: number) =>
      message('survey_response', {
        surveyId,
        score,
        anonymousId: `${surveyId}-${i}`,
        timestamp: at,
      });
    const batch = [
      answer('nps-1', 10, 0),
      answer('nps-1', 9, 1),
      // Five CSAT answers of 1–5: counted as NPS they would be five detractors.
      ...[1, 2, 3, 4, 5].map((score, i) => answer('csat-1', score, i)),
    ];
    const ingest = await send(ctx.app, 'POST', '/v1/batch', { messages: batch });
    expect(ingest.body.accepted).toBe(7);

    const all = await send(ctx.app, 'GET', '/v1/admin/nps', undefined, { key: SK });
    expect(all.body).toMatchObject({
      nps: 100,
      responses: 2,
      promoters: 2,
      passives: 0,
      detractors: 0,
    });
    const one = await send(ctx.app, 'GET', '/v1/admin/nps?surveyId=nps-1', undefined, { key: SK });
    expect(one.body).toMatchObject({ nps: 100, responses: 2 });
  });
});

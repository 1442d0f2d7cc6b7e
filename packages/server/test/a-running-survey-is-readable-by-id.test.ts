import { describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { send } from './helpers/requests';
import { SK, useTestApp } from './helpers/test-app';

describe.each(databases)('GET /v1/surveys/:id on $name', (database) => {
  const ctx = useTestApp(database, { settings: { surveyGlobalWaitDays: 0 } });

  it('answers a running survey whatever its targeting, and 404 for a paused or unknown one', async () => {
    const created = await send(
      ctx.app,
      'POST',
      '/v1/admin/surveys',
      {
        id: 'csat-on-demand',
        name: 'After checkout',
        type: 'csat',
        question: 'How was checking out?',
        // Nobody would be offered it: an event never sent and a sample of 0 %.
        targeting: { event: 'never-sent', delaySeconds: 20 },
        samplePercent: 0,
      },
      { key: SK },
    );
    expect(created.status).toBe(201);
    const eligible = await send(ctx.app, 'GET', '/v1/surveys/eligible?anonymousId=a1');
    expect(eligible.body.surveys).toEqual([]);

    const res = await send(ctx.app, 'GET', '/v1/surveys/csat-on-demand');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: 'csat-on-demand',
      type: 'csat',
      question: 'How was checking out?',
      delaySeconds: 20,
    });

    const paused = await send(
      ctx.app,
      'PATCH',
      '/v1/admin/surveys/csat-on-demand',
      { active: false },
      { key: SK },
    );
    expect(paused.status).toBe(200);
    for (const id of ['csat-on-demand', 'no-such-survey']) {
      const missing = await send(ctx.app, 'GET', `/v1/surveys/${id}`);
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe('not_found');
    }
  });

  it('needs the publishable key like every public read', async () => {
    const res = await send(ctx.app, 'GET', '/v1/surveys/anything', undefined, { key: null });
    expect(res.status).toBe(401);
  });
});

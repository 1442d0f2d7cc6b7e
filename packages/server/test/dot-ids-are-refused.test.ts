import { describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { send } from './helpers/requests';
import { SK, useTestApp } from './helpers/test-app';

describe.each(databases)('ids that vanish from URLs on $name', (database) => {
  const ctx = useTestApp(database);
  const asAdmin = (method: string, path: string, body?: unknown) =>
    send(ctx.app, method, path, body, { key: SK });

  it.each(['.', '..'])(
    'refuses a survey and a reward with id %j (400, nothing stored)',
    async (id) => {
      const survey = await asAdmin('POST', '/v1/admin/surveys', {
        id,
        name: 'NPS',
        type: 'nps',
        question: 'How likely?',
      });
      expect(survey.status).toBe(400);
      expect(survey.body.error.code).toBe('invalid_body');
      expect(survey.body.error.message).toContain('id');
      const reward = await asAdmin('POST', '/v1/admin/loyalty/rewards', {
        id,
        name: 'Mug',
        cost: 10,
      });
      expect(reward.status).toBe(400);
      expect((await asAdmin('GET', '/v1/admin/surveys')).body.items).toEqual([]);
      expect((await asAdmin('GET', '/v1/admin/loyalty/rewards')).body.items).toEqual([]);
    },
  );

  it('keeps ids with dots that stay in the path readable end to end', async () => {
    const created = await asAdmin('POST', '/v1/admin/surveys', {
      id: '...',
      name: 'NPS',
      type: 'nps',
      question: 'How likely?',
    });
    expect(created.status).toBe(201);
    expect((await asAdmin('GET', '/v1/admin/surveys/...')).status).toBe(200);
    expect((await asAdmin('DELETE', '/v1/admin/surveys/...')).status).toBe(204);
  });
});
